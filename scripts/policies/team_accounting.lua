-- From 1962 the production team, a village of twenty to thirty households,
-- not the commune, keeps the accounts and shares out the harvest: work and
-- pay are tied together again (E22). The communes themselves lasted until 1983.
return {
  id = "team_accounting",
  category = "reform",
  modifiers = {
    { lever = "incentive_mult", mul = "team_accounting_incentive_mult" },
  },
  sources = { "E22" },
}
