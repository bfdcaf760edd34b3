-- Ninth Plenum reforms: sideline occupations allowed again (E22).
return {
  id = "sideline_occupations",
  category = "reform",
  modifiers = {
    { lever = "nongrain_food_mult", mul = "sideline_nongrain_mult" },
    { lever = "incentive_mult", mul = "sideline_incentive_mult" },
  },
  sources = { "E22" },
}
