-- Ninth Plenum reforms: households responsible for their quota, keeping the
-- surplus (E22).
return {
  id = "household_quotas",
  category = "reform",
  modifiers = {
    { lever = "incentive_mult", mul = "household_quotas_incentive_mult" },
    { lever = "zeal_push", add = "household_quotas_zeal_push" },
    { lever = "procurement_rate", add = "household_quotas_procurement_add" },
  },
  sources = { "E22", "yangdali1996" },
}
