-- Free supply: "to each according to his need"; work points count for only
-- 30% of one's allotment (seed).
return {
  id = "free_supply",
  category = "society",
  modifiers = {
    { lever = "incentive_mult", mul = 0.90 },
    { lever = "consumption_mult", mul = 1.08 },
  },
  sources = { "seed" },
}
