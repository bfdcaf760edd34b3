-- Enacts the policy for real, so that its monthly hook runs.
return {
  id = "h_error_hooks_enact",
  when = { date = "1958-01" },
  options = { { id = "enact", effects = function(s, fx) fx:enact("h_error_hooks_policy") end } },
}
