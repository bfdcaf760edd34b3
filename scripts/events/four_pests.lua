-- March-April 1958: the whole people mobilised against the Four Pests,
-- sparrows among them; the drive against sparrows peaked in the spring
-- (E02).
return {
  id = "four_pests",
  when = { date = "1958-03" },
  options = {
    { id = "include_sparrows", historical = true, effects = function(s, fx) fx:enact("sparrow_campaign") end },
    { id = "spare_sparrows" },
  },
  sources = { "E02" },
}
