-- Example mod: text only. It changes the wording of a few cards and of the
-- interface for a school class, in both languages; it adds no content.
return {
  id = "plain_words",
  name = "Plain words for a school class",
  version = "1.0.0",
  api_version = 1,
  languages = { "en", "zh" },
  description = "Plainer titles and options on a few event cards, and a shorter subtitle.",
  author = "Great Leap team",
}
