-- Autumn 1960 to autumn 1961: drought in the north and floods elsewhere.
-- The Party blamed "three years of natural disasters"; Liu Shaoqi told the
-- Seven Thousand Cadres Conference in 1962 that the famine was 30% nature
-- and 70% human error (E27, E28); Mao blamed bad weather (E27, E28, S04, houser2009). How much
-- the weather cut the harvest is not in the record: the size below is a
-- calibration choice fitted to the 1961 output (S04, docs/calibration.md).
return {
  id = "drought_1960",
  when = { date = "1960-10" },
  options = {
    { id = "endure", historical = true,
      effects = function(s, fx) fx:modifier{ lever = "weather_mult", mul = "drought_1960_weather_mult", months = 13 } end },
  },
  sources = { "E27", "E28", "S04", "houser2009" },
}
