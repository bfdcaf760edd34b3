-- The Anti-Right Deviation Struggle after Lushan: over three million Party
-- members purged or penalised (E17); no one dares report hunger.
return {
  id = "anti_right_deviation",
  category = "politics",
  modifiers = {
    { lever = "political_pressure", add = "anti_right_pressure_add" },
    { lever = "concealment", add = "anti_right_concealment_add" },
  },
  sources = { "E17" },
}
