return {
  id = "h_error_objects_coroutine",
  trigger = function(s) error(coroutine.create(print)) end,
  options = { { id = "never" } },
}
