-- January: two coroutines with a looping __close handler are stopped by the
-- limit and kept. The first is stopped inside table.sort, where it cannot
-- yield, so the limit error kills it (and Lua leaves hooks off on it); the
-- second is stopped where it can yield, so it is only suspended.
local shared = require("lib.shared")
local function looping_guard()
  return setmetatable({}, { __close = function() while true do end end })
end
return {
  id = "h_close_killed_a",
  when = { date = "1958-01" },
  trigger = function(s)
    shared.killed = coroutine.create(function()
      local guard <close> = looping_guard()
      table.sort({ 3, 2, 1 }, function(a, b) while true do end end)
    end)
    shared.suspended = coroutine.create(function()
      local guard <close> = looping_guard()
      while true do end
    end)
    coroutine.resume(shared.killed)
    coroutine.resume(shared.suspended)
  end,
  options = { { id = "never" } },
}
