return {
  id = "h_error_objects_tostring_errors",
  trigger = function(s) error(setmetatable({}, { __tostring = function() error("no") end })) end,
  options = { { id = "never" } },
}

--@@
return { id = "fuzz", api_version = 1 }

--@@
return {
  id = "h_error_hooks_policy",
  on_month = function(s, fx) error("on_month failed") end,
}
