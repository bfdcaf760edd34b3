-- According to one account (becker1996), Japan's foreign minister offers
-- Chen Yi 100,000 tons of wheat, to be shipped out of public view; it is
-- rebuffed.
return {
  id = "japan_wheat",
  when = { date = "1960-06", ["until"] = "1961-12" },
  trigger = function(s) return s.national.death_rate > 14 end,
  options = {
    { id = "rebuff", historical = true },
    { id = "accept",
      effects = function(s, fx) fx:transfer{ from = "abroad", to = "granary", tonnes = "japan_wheat_t" } end },
  },
  sources = { "becker1996" },
}
