return {
  id = "h_error_objects_boolean",
  trigger = function(s) error(false) end,
  options = { { id = "never" } },
}
