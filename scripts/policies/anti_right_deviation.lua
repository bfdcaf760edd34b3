-- The Anti-Right Deviation Struggle after Lushan: over three million Party
-- members purged or penalised (E17); no one dares report hunger.
return {
  id = "anti_right_deviation",
  category = "politics",
  modifiers = {
    { lever = "political_pressure", add = 0.20 },
    { lever = "concealment", add = 0.25 },
  },
  sources = { "E17", "seed" },
}
