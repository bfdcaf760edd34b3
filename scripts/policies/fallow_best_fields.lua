-- Moderately productive land left unplanted to concentrate manure and work
-- on the best fields (seed); in Shandong 50-60 million mu lay idle in
-- 1959-1960 (R28). The premise was false: the best fields gave no more, so
-- the harvest fell with the area sown.
return {
  id = "fallow_best_fields",
  category = "agriculture",
  modifiers = {
    { lever = "sown_area_mult", mul = "fallow_sown_mult" },
  },
  sources = { "seed", "R28" },
}
