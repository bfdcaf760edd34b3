local proxy = setmetatable({}, { __index = function(t, k) while true do end end })
return {
  id = "h_loop_index",
  trigger = function(s) return proxy.anything end,
  options = { { id = "never" } },
}
