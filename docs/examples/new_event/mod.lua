-- Example mod: one new event with a choice (docs/modding.md explains each part).
return {
  id = "macheng_rice",
  name = "The Macheng early-rice claim",
  version = "1.0.0",
  api_version = 1,
  languages = { "en", "zh" },
  description = "August 1958: a commune in Macheng, Hubei, claims 36,956 jin of early rice per mu.",
  author = "Great Leap team",
}
