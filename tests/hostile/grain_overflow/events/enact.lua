return {
  id = "h_grain_overflow",
  when = { date = "1958-01" },
  options = { { id = "enact", effects = function(s, fx) fx:enact("h_grain_overflow_policy") end } },
}
