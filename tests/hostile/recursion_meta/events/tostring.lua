return {
  id = "h_recursion_meta_tostring",
  trigger = function(s) local t = setmetatable({}, { __tostring = function(x) return "<" .. tostring(x) .. ">" end }) return tostring(t) end,
  options = { { id = "never" } },
}
