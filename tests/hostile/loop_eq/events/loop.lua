local mt = { __eq = function(a, b) while true do end end }
local a, b = setmetatable({}, mt), setmetatable({}, mt)
return {
  id = "h_loop_eq",
  trigger = function(s) return a == b end,
  options = { { id = "never" } },
}
