return {
  id = "h_strikes_5",
  trigger = function(s) while true do end end,
  options = { { id = "never" } },
}
