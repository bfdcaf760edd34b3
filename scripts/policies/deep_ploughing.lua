-- Deep ploughing, up to six feet, burying the topsoil (seed; E03).
return {
  id = "deep_ploughing",
  category = "agriculture",
  modifiers = {
    { lever = "yield_mult", mul = 0.98 },
  },
  sources = { "seed", "E03" },
}
