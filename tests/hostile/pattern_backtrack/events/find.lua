return {
  id = "h_pattern_backtrack_find",
  trigger = function(s) string.find(("a"):rep(30), ("a?"):rep(30) .. ("a"):rep(30)) end,
  options = { { id = "never" } },
}
