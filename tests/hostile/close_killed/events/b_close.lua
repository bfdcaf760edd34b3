-- February, a fresh call with a fresh budget: closing the killed coroutine
-- must not run its handler (it would run with no hooks); closing the
-- suspended one runs its handler under the budget.
local shared = require("lib.shared")
return {
  id = "h_close_killed_b",
  when = { date = "1958-02" },
  trigger = function(s)
    if not (shared.killed and shared.suspended) then error("ESCAPE: nothing was kept") end
    local ok, err = coroutine.close(shared.killed)
    if ok then error("ESCAPE: closed") end
    print("close refused: " .. tostring(err))
    coroutine.close(shared.suspended)
    error("ESCAPE: the looping __close handler returned")
  end,
  options = { { id = "never" } },
}
