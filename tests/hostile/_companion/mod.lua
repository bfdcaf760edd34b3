-- A well-behaved mod loaded next to every hostile one: its event fires
-- every month and its policy's hook runs every month, so the test can see
-- that a hostile neighbour did not stop other mods.
return {
  id = "companion",
  name = "Companion",
  version = "1.0.0",
  api_version = 1,
}
