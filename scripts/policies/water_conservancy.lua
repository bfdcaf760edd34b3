-- Dams, reservoirs and dykes built by peasants without engineers in the
-- winter months (seed); in Shandong 7 to 8.9 million worked on them in late
-- 1959 (R28).
return {
  id = "water_conservancy",
  category = "industry",
  modifiers = {
    { lever = "labour_water", add = "water_works_labour_add", calendar = { 11, 12, 1, 2, 3 }, scale = "zeal" },
  },
  sources = { "seed", "R28", "R41" },
}
