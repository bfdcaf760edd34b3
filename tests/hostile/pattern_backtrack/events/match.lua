return {
  id = "h_pattern_backtrack_match",
  trigger = function(s) (("a"):rep(28) .. "b"):match(("a*"):rep(28) .. "c") end,
  options = { { id = "never" } },
}
