return {
  id = "h_error_objects_level0",
  trigger = function(s) error("no position", 0) end,
  options = { { id = "never" } },
}
