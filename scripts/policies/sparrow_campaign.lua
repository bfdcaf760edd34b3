-- The campaign against the Four Pests, sparrows among them, chased until
-- they dropped from exhaustion (E02).
return {
  id = "sparrow_campaign",
  category = "agriculture",
  modifiers = {
    { lever = "sparrow_kill", add = "sparrow_kill_month" },
  },
  sources = { "E02" },
}
