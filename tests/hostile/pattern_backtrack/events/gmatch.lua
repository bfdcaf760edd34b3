return {
  id = "h_pattern_backtrack_gmatch",
  trigger = function(s) for w in (("a"):rep(40)):gmatch(("a-"):rep(20) .. "b") do end end,
  options = { { id = "never" } },
}
