-- The mod tests/game/test_hot_reload.c edits on disk and reloads.
return {
  id = "reload_mod",
  name = "Hot reload test mod",
  version = "1.0.0",
  api_version = 1,
  languages = { "en", "zh" },
  description = "One event, one policy and a storage counter, for the hot reload tests.",
}
