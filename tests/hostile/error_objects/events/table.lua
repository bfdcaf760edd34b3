return {
  id = "h_error_objects_table",
  trigger = function(s) error({ code = 42 }) end,
  options = { { id = "never" } },
}
