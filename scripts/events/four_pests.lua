-- May 1958: the whole people mobilised against the Four Pests, sparrows
-- among them (E02, seed).
return {
  id = "four_pests",
  when = { date = "1958-05" },
  options = {
    { id = "include_sparrows", historical = true, effects = function(s, fx) fx:enact("sparrow_campaign") end },
    { id = "spare_sparrows" },
  },
  sources = { "E02", "seed" },
}
