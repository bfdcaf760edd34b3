return {
  id = "h_error_hooks_trigger",
  trigger = function(s) error("trigger failed") end,
  options = { { id = "never" } },
}
