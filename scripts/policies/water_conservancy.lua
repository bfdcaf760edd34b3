-- Dams, reservoirs and dykes built by peasants without engineers in the
-- winter months (shapiro2001, dikotter2010).
return {
  id = "water_conservancy",
  category = "industry",
  modifiers = {
    { lever = "labour_water", add = "water_works_labour_add", calendar = { 11, 12, 1, 2, 3 }, scale = "zeal" },
  },
  sources = { "shapiro2001", "dikotter2010" },
}
