-- Ninth Plenum reforms: private plots back and markets reopened (E22).
return {
  id = "private_plots_restored",
  category = "reform",
  modifiers = {
    { lever = "nongrain_food_mult", mul = "plots_restored_nongrain_mult" },
  },
  sources = { "E22" },
}
