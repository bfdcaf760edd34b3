return {
  id = "h_loop_mtth",
  when = { mtth_months = 2, modifiers = { { factor = 0.5, when = function(s) while true do end end } } },
  options = { { id = "never" } },
}
