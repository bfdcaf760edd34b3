-- A counterfactual: procure on harvests verified by inspection teams
-- rather than on the cadres' reports.
return {
  id = "verify_harvests",
  category = "procurement",
  modifiers = {
    { lever = "quota_on_reports", mul = 0 },
  },
  sources = { "seed", "S03" },
}
