-- January 1962: the Seven Thousand Cadres Conference; Liu Shaoqi: 30%
-- nature, 70% human error; Mao makes a self-criticism (E27, E28).
return {
  id = "seven_thousand",
  when = { date = "1962-01" },
  options = {
    { id = "self_criticism", historical = true,
      effects = function(s, fx) fx:adjust{ var = "pressure_shock", add = "seven_thousand_shock" } end },
    { id = "blame_the_weather" },
  },
  sources = { "E27", "E28" },
}
