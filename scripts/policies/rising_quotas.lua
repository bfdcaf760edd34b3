-- Local cadres raise the quotas for grain shipments to equal "Sputnik" (S03, S12, bernstein1984, mqy2015):
-- quotas planned on the inflated reports, and the seed grain taken with them.
return {
  id = "rising_quotas",
  category = "procurement",
  modifiers = {
    { lever = "seed_grain_taken", add = "rising_quotas_seed_add", scale = "zeal" },
  },
  sources = { "S03", "S12", "bernstein1984", "mqy2015" },
}
