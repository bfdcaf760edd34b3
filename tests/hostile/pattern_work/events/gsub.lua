return {
  id = "h_pattern_work_gsub",
  trigger = function(s) (("x"):rep(30)):gsub(("x?"):rep(30) .. ("x"):rep(30), "y") end,
  options = { { id = "never" } },
}
