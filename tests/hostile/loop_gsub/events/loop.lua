return {
  id = "h_loop_gsub",
  trigger = function(s)
    return ("abc"):gsub(".", function(c) while true do end end)
  end,
  options = { { id = "never" } },
}
