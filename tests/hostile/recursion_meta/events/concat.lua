return {
  id = "h_recursion_meta_concat",
  trigger = function(s) local t t = setmetatable({}, { __concat = function(a, b) return t .. a end }) return t .. "x" end,
  options = { { id = "never" } },
}
