-- Grain sold abroad; China was a net exporter every year from 1950 to 1960
-- (S13). The tonnage of each year is set by the export plan event.
return {
  id = "grain_exports",
  category = "trade",
  modifiers = {},
  sources = { "S13", "S04" },
}
