-- Moderately productive land left unplanted to concentrate manure and work
-- on the best fields (kunglin2003, dikotter2010). The premise was false: the best fields gave no more, so
-- the harvest fell with the area sown.
return {
  id = "fallow_best_fields",
  category = "agriculture",
  modifiers = {
    { lever = "sown_area_mult", mul = "fallow_sown_mult" },
  },
  sources = { "kunglin2003", "dikotter2010" },
}
