return {
  id = "h_loop_pcall",
  trigger = function(s)
    while true do
      pcall(function() while true do end end)
      pcall(error, "again")
    end
  end,
  options = { { id = "never" } },
}
