return {
  id = "h_strikes_2",
  trigger = function(s) while true do end end,
  options = { { id = "never" } },
}
