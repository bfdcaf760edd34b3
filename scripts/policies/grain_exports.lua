-- Grain sold abroad; China was a net exporter every year from 1950 to 1960
-- (S13). While this policy is in force the year's planned tonnage (set by
-- the export plan event each January) is shipped; repealing it stops the
-- shipments at once, and the quotas that paid for them fall.
return {
  id = "grain_exports",
  category = "trade",
  modifiers = {
    { lever = "exports_allowed", add = 1 },
  },
  sources = { "S13", "S04" },
}
