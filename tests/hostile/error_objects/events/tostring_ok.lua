return {
  id = "h_error_objects_tostring_ok",
  trigger = function(s) error(setmetatable({}, { __tostring = function() return "custom message" end })) end,
  options = { { id = "never" } },
}
