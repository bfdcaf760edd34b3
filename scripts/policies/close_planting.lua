-- Close planting: seed sown far more densely, on the Lysenkoist belief that
-- plants of one class do not compete (seed).
return {
  id = "close_planting",
  category = "agriculture",
  modifiers = {
    { lever = "yield_mult", mul = 0.99 },
    { lever = "seed_rate_mult", mul = 1.5 },
  },
  sources = { "seed" },
}
