-- The engine's error handler lives in C: whatever the file does to its
-- globals, the report still names file and line.
error = function() end
pcall = function(f, ...) return true, f(...) end
xpcall = pcall
tostring = function() return "" end
setmetatable = function(t) return t end
assert = function(v) return v end
string.format = nil
_G.type = nil
local function deep() local x = nil; return x.field end
return {
  id = "h_probe_override",
  trigger = function(s) return deep() end,
  options = { { id = "never" } },
}
