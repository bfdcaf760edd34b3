return {
  id = "h_loop_handler",
  trigger = function(s)
    return xpcall(function() error("first") end, function(m) while true do end end)
  end,
  options = { { id = "never" } },
}
