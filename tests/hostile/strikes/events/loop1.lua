return {
  id = "h_strikes_1",
  trigger = function(s) while true do end end,
  options = { { id = "never" } },
}
