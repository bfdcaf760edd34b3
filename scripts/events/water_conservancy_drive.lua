-- Winter 1957-58: idle peasants mobilised for dams, reservoirs and dykes,
-- without engineers (shapiro2001, dikotter2010).
return {
  id = "water_conservancy_drive",
  when = { date = "1958-01" },
  options = {
    { id = "mobilise_masses", historical = true,
      effects = function(s, fx) fx:enact("water_conservancy") end },
    { id = "engineers_first",
      effects = function(s, fx) fx:enact("engineered_water_works") end },
  },
  sources = { "shapiro2001", "dikotter2010" },
}
