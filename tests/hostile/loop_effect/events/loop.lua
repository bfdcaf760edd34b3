return {
  id = "h_loop_effect",
  when = { date = "1958-01" },
  options = {
    { id = "spin", effects = function(s, fx)
        local n = 0
        while true do n = n + 1 end
      end },
  },
}
