return {
  id = "h_pattern_work_plain",
  trigger = function(s) local s = ("a"):rep(4000000) string.find(s, ("a"):rep(2000000) .. "b", 1, true) end,
  options = { { id = "never" } },
}
