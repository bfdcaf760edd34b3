-- Depends on relief_watch (version 1.x) and calls its exports.
return {
  id = "relief_report",
  name = "Relief report",
  version = "1.0.0",
  api_version = 2,
  author = "Great Leap",
  description = "A yearly report on how many provinces are under relief_watch's alarm line.",
  languages = { "en", "zh" },
  dependencies = { "relief_watch >= 1.0 < 2" },
}
