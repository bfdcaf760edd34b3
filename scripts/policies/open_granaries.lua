-- A counterfactual: the state granaries opened to the famine areas,
-- judging need from what peasants actually hold.
return {
  id = "open_granaries",
  category = "procurement",
  modifiers = {
    { lever = "relief_share", add = 0.6 },
    { lever = "relief_on_reports", mul = 0.0 },
  },
  sources = { "seed" },
}
