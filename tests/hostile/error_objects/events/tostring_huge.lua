return {
  id = "h_error_objects_tostring_huge",
  trigger = function(s) error(setmetatable({}, { __tostring = function() return ("z"):rep(100000) end })) end,
  options = { { id = "never" } },
}
