return {
  id = "h_error_objects_tostring_yields",
  trigger = function(s) error(setmetatable({}, { __tostring = function() coroutine.yield() end })) end,
  options = { { id = "never" } },
}
