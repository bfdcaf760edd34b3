-- The base game is itself a mod: the same loader, sandbox and rules apply.
return {
  id = "base",
  name = "Great Leap",
  version = "1.0.0",
  api_version = 1,
  languages = { "en", "zh" },
  description = "The Great Leap Forward, 1958-1962: the history as recorded, and the choices that made it.",
}
