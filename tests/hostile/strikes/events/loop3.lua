return {
  id = "h_strikes_3",
  trigger = function(s) while true do end end,
  options = { { id = "never" } },
}
