-- Late 1959: reports of hunger reach the centre. Mao refuses to open the
-- state granaries and accuses rich peasants of hiding grain (becker1996, bernstein1984).
return {
  id = "granaries",
  when = { date = "1959-11" },
  options = {
    { id = "keep_them_closed", historical = true, effects = function(s, fx) fx:enact("granaries_closed") end },
    { id = "open_the_granaries", effects = function(s, fx) fx:enact("open_granaries") end },
  },
  sources = { "becker1996", "bernstein1984" },
}
