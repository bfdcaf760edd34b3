-- Urban workers sent back to the villages from 1961 (macfarquhar1997);
-- urban population 116.6 million in 1962 (R11).
return {
  id = "send_workers_home",
  category = "industry",
  modifiers = {
    { lever = "urban_recruitment", add = "send_home_persons_month" },
  },
  sources = { "R11", "macfarquhar1997" },
}
