return {
  id = "h_strikes_6",
  trigger = function(s) while true do end end,
  options = { { id = "never" } },
}
