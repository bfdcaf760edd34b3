-- Urban workers sent back to the villages: about 20 million from 1960 to
-- 1964 (R14); urban population 116.6 million in 1962 (R11).
return {
  id = "send_workers_home",
  category = "industry",
  modifiers = {
    { lever = "urban_recruitment", add = "send_home_persons_month" },
  },
  sources = { "R14", "R11" },
}
