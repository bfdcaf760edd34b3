return {
  id = "h_loop_trigger",
  trigger = function(s)
    while true do end
  end,
  options = { { id = "never" } },
}
