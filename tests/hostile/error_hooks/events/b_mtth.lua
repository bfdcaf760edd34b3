return {
  id = "h_error_hooks_mtth",
  when = { mtth_months = 3, modifiers = { { factor = 2, when = function(s) error("mtth condition failed") end } } },
  options = { { id = "never" } },
}
