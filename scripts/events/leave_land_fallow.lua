-- Late 1958: leave moderately productive land unplanted and concentrate on
-- the best fields (kunglin2003, dikotter2010).
return {
  id = "leave_land_fallow",
  when = { date = "1958-11" },
  options = {
    { id = "concentrate", historical = true, effects = function(s, fx) fx:enact("fallow_best_fields") end },
    { id = "sow_every_field" },
  },
  sources = { "kunglin2003", "dikotter2010" },
}
