-- Ninth Plenum reforms: communes reduced to the size of the old
-- cooperatives (E21, E22).
return {
  id = "smaller_communes",
  category = "reform",
  modifiers = {
    { lever = "incentive_mult", mul = "smaller_communes_incentive_mult" },
    { lever = "zeal_push", add = "smaller_communes_zeal_push" },
  },
  sources = { "E21", "E22" },
}
