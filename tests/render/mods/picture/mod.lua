-- A test mod for the event card's picture (tests/render/golden_cases.txt).
return {
  id = "picture_test",
  name = "Picture test",
  version = "1.0.0",
  api_version = 1,
  languages = { "en", "zh" },
  description = "An event with a picture, for the golden screenshot of the card.",
}
