return {
  id = "h_recursion_meta_index",
  trigger = function(s) local t = setmetatable({}, { __index = function(t, k) return t[k .. "x"] end }) return t.a end,
  options = { { id = "never" } },
}
