return {
  id = "h_pattern_work_balance",
  trigger = function(s) local s = ("("):rep(100000) for i = 1, 1000 do s:find("%b()") end end,
  options = { { id = "never" } },
}
