-- Example mod: a scenario. The same start as the base game's 1958 scenario,
-- but none of the Great Leap's campaigns: its history enacts none of the
-- Leap's policies, and its events take the options that stay out of it.
return {
  id = "no_leap",
  name = "1958 without the Great Leap",
  version = "1.0.0",
  api_version = 1,
  languages = { "en", "zh" },
  description = "A counterfactual: January 1958 with the same people, land and weather, and no Great Leap.",
  author = "Great Leap team",
}
