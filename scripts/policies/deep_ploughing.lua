-- Deep ploughing, a metre or more, burying the topsoil (E03): no
-- gain in yield, and the labour of ploughing the autumn fields deep in the
-- winter of 1958-59, on top of the water works.
return {
  id = "deep_ploughing",
  category = "agriculture",
  modifiers = {
    { lever = "yield_mult", mul = "deep_ploughing_yield_mult" },
    { lever = "labour_need_mult", mul = "deep_ploughing_labour_mult", calendar = { 11, 12, 1, 2 } },
  },
  sources = { "E03" },
}
