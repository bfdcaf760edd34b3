return {
  id = "h_recursion_meta_lt",
  trigger = function(s) local mt = {} mt.__lt = function(a, b) return b < a end local a, b = setmetatable({}, mt), setmetatable({}, mt) return a < b end,
  options = { { id = "never" } },
}
