return {
  id = "h_error_objects_nil",
  trigger = function(s) error(nil) end,
  options = { { id = "never" } },
}
