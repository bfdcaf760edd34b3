return {
  id = "h_loop_policy",
  on_month = function(s, fx)
    for i = 1, math.huge do end
  end,
}
