-- Peasants recruited into industry (liyang2005); the towns had 99.5 million
-- people in 1957 and 116.6 million in 1962, after the returns (R11).
return {
  id = "industrial_recruitment",
  category = "industry",
  modifiers = {
    { lever = "urban_recruitment", add = "recruitment_persons_month" },
  },
  sources = { "R11", "liyang2005" },
}
