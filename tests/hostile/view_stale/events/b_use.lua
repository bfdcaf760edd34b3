local keep = require("lib.keep")
local function stale(what, f)
  local ok, err = pcall(f)
  if ok then error("ESCAPE: a kept " .. what .. " still works") end
  return err
end
return {
  id = "h_view_stale_b",
  when = { date = "1958-03" },
  trigger = function(s)
    stale("state view", function() return keep.s.year end)
    stale("province view", function() return keep.p.population end)
    stale("state view in a coroutine", keep.co)
    error(stale("fx", function() keep.fx:notify("x") end))
  end,
  options = { { id = "never" } },
}
