-- Ninth Plenum reforms: sideline occupations allowed again (seed).
return {
  id = "sideline_occupations",
  category = "reform",
  modifiers = {
    { lever = "nongrain_food_mult", mul = 1.08 },
    { lever = "incentive_mult", mul = 1.03 },
  },
  sources = { "seed", "E22" },
}
