return {
  id = "h_error_objects_number",
  trigger = function(s) error(42.5) end,
  options = { { id = "never" } },
}
