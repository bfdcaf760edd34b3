return {
  id = "h_memory_concat",
  trigger = function(s)
    local x = "x"
    while true do x = x .. x end
  end,
  options = { { id = "never" } },
}
