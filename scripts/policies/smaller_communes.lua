-- Ninth Plenum reforms: communes reduced to the size of the old
-- cooperatives (seed; E21, E22).
return {
  id = "smaller_communes",
  category = "reform",
  modifiers = {
    { lever = "incentive_mult", mul = 1.04 },
    { lever = "zeal_push", add = -0.05 },
  },
  sources = { "seed", "E21", "E22" },
}
