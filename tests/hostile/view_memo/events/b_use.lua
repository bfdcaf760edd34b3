local keep = require("lib.keep")
local function stale(what, f)
  local ok, err = pcall(f)
  if ok then error("ESCAPE: a kept " .. what .. " still works") end
  return err
end
return {
  id = "h_view_memo_b",
  when = { date = "1958-03" },
  trigger = function(s)
    if not keep.s then error("ESCAPE: nothing was kept") end
    stale("province view", function() return keep.p.zeal end)
    stale("province view's id", function() return keep.p.id end)
    stale("state view's method", function() return keep.s:policy_active("open_granaries") end)
    error(stale("state view", function() return keep.s.month end))
  end,
  options = { { id = "never" } },
}
