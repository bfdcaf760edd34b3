-- Close planting: seed sown far more densely, on the Lysenkoist belief that
-- plants of one class do not compete (becker1996, dikotter2010).
return {
  id = "close_planting",
  category = "agriculture",
  modifiers = {
    { lever = "yield_mult", mul = "close_planting_yield_mult" },
    { lever = "seed_rate_mult", mul = "close_planting_seed_mult" },
  },
  sources = { "becker1996", "dikotter2010" },
}
