return {
  id = "h_loop_policy_hook",
  when = { date = "1958-01" },
  options = { { id = "enact", effects = function(s, fx) fx:enact("h_loop_policy") end } },
}
