-- Free supply: "to each according to his need"; work points count for only
-- 30% of one's allotment (changwen1997, macfarquhar1983).
return {
  id = "free_supply",
  category = "society",
  modifiers = {
    { lever = "incentive_mult", mul = "free_supply_incentive_mult" },
    { lever = "consumption_mult", mul = "free_supply_consumption_mult" },
  },
  sources = { "changwen1997", "macfarquhar1983" },
}
