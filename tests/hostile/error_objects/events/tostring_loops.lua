return {
  id = "h_error_objects_tostring_loops",
  trigger = function(s) error(setmetatable({}, { __tostring = function() while true do end end })) end,
  options = { { id = "never" } },
}
