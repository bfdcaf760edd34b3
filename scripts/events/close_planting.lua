-- 1958: close planting promoted on the communes (becker1996, dikotter2010).
return {
  id = "close_planting",
  when = { date = "1958-06" },
  options = {
    { id = "promote", historical = true, effects = function(s, fx) fx:enact("close_planting") end },
    { id = "ask_agronomists" },
  },
  sources = { "becker1996", "dikotter2010" },
}
