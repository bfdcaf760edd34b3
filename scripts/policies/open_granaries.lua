-- A counterfactual: the state granaries opened to the famine areas,
-- judging need from what peasants actually hold.
return {
  id = "open_granaries",
  category = "procurement",
  modifiers = {
    { lever = "relief_share", add = "open_granaries_relief_add" },
    { lever = "relief_on_reports", mul = "open_granaries_reports_mult" },
  },
  sources = { "bernstein1984", "mqy2015" },
}
