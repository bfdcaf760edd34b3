-- Ninth Plenum reforms: households responsible for their quota, keeping the
-- surplus (seed; E22).
return {
  id = "household_quotas",
  category = "reform",
  modifiers = {
    { lever = "incentive_mult", mul = 1.15 },
    { lever = "zeal_push", add = -0.15 },
    { lever = "procurement_rate", add = -0.03 },
  },
  sources = { "seed", "E22" },
}
