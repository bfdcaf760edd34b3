return {
  id = "h_strikes_4",
  trigger = function(s) while true do end end,
  options = { { id = "never" } },
}
