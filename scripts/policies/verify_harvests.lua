-- A counterfactual: procure on harvests verified by inspection teams
-- rather than on the cadres' reports; the centre then also knows what the
-- villages really hold when it judges their need (both switches, 0).
return {
  id = "verify_harvests",
  category = "procurement",
  modifiers = {
    { lever = "quota_on_reports", mul = 0 },
    { lever = "relief_on_reports", mul = 0 },
  },
  sources = { "S03", "mqy2015" },
}
