-- Peasants recruited into industry: the urban population rose from 99.5
-- million (1957) to about 130.7 million (1960) (R11, R12, R13).
return {
  id = "industrial_recruitment",
  category = "industry",
  modifiers = {
    { lever = "urban_recruitment", add = "recruitment_persons_month" },
  },
  sources = { "R11", "R12", "R13" },
}
