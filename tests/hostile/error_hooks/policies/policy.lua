return {
  id = "h_error_hooks_policy",
  on_month = function(s, fx) error("on_month failed") end,
}
