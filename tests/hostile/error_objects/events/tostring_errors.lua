return {
  id = "h_error_objects_tostring_errors",
  trigger = function(s) error(setmetatable({}, { __tostring = function() error("no") end })) end,
  options = { { id = "never" } },
}
