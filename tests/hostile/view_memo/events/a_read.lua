-- Reads the state's and each province's fields far more often than it
-- takes the engine to start keeping them, checks they stay what they were,
-- and keeps the views for b_use.lua.
local keep = require("lib.keep")
return {
  id = "h_view_memo_a",
  scope = "province",
  when = { date = "1958-01", ["until"] = "1958-01" },
  trigger = function(s, p)
    local month, zeal, id = s.month, p.zeal, p.id
    local open = s:policy_active("open_granaries")
    for _ = 1, 40 do
      if s.month ~= month or p.zeal ~= zeal or p.id ~= id then error("ESCAPE: a kept field changed") end
      if s:policy_active("open_granaries") ~= open then error("ESCAPE: a method answered otherwise") end
    end
    local t = s.provinces
    if t == s.provinces then error("ESCAPE: a table field was kept: a script could change it for the next read") end
    t[1] = nil
    if s.provinces[1] == nil then error("ESCAPE: a table a script changed came back") end
    if tostring(p) ~= "Province(" .. id .. ")" then error("ESCAPE: tostring gave " .. tostring(p)) end
    if pcall(function() s.month = 3 end) then error("ESCAPE: a view took a write") end
    if pcall(function() return p.no_such_field end) then error("ESCAPE: an unknown field did not raise") end
    if getmetatable(s) ~= false then error("ESCAPE: a view's metatable can be seen") end
    if not keep.s then
      keep.s, keep.p = s, p
      print("MEMO OK")
    end
    return false
  end,
  options = { { id = "never" } },
}
