return {
  id = "slow_busy",
  once = false,
  trigger = function(s)
    local x = 0
    for i = 1, 250000 do x = x + i % 7 end
    return x < 0
  end,
  options = { { id = "never" } },
}
