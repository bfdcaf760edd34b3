-- Moderately productive land left unplanted to concentrate manure and work
-- on the best fields (seed); in Shandong 50-60 million mu lay idle in
-- 1959-1960 (R28).
return {
  id = "fallow_best_fields",
  category = "agriculture",
  modifiers = {
    { lever = "sown_area_mult", mul = 0.90 },
    { lever = "yield_mult", mul = 1.02 },
  },
  sources = { "seed", "R28" },
}
