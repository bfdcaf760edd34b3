-- Private plots taken away and local markets closed (macfarquhar1983, dikotter2010).
return {
  id = "private_plots_abolished",
  category = "agriculture",
  modifiers = {
    { lever = "nongrain_food_mult", mul = "plots_nongrain_mult" },  -- vegetables, pigs and poultry came from the plots
    { lever = "incentive_mult", mul = "plots_incentive_mult" },
  },
  sources = { "macfarquhar1983", "dikotter2010" },
}
