return {
  id = "h_error_objects_tostring_table",
  trigger = function(s) error(setmetatable({}, { __tostring = function() return {} end })) end,
  options = { { id = "never" } },
}
