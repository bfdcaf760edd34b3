-- The alternative: fewer, engineered works (no source for their effect; a
-- counterfactual the game offers, documented in docs/model.md).
return {
  id = "engineered_water_works",
  category = "industry",
  modifiers = {
    { lever = "labour_water", add = "engineered_works_labour_add", calendar = { 11, 12, 1, 2 } },
  },
  sources = { "shapiro2001", "dikotter2010" },
}
