-- Work the hook never sees: each coroutine runs fewer instructions than the
-- hook's step, and the call itself runs fewer than that too; every
-- comparison of two 8 MB strings is one instruction. The call returns
-- after about a second and a half of comparisons, over its 250 ms (a limit
-- that leaves the base game's loading room on a busy machine): the clock is
-- read again when a call returns.
return {
  id = "h_late_return",
  trigger = function(s)
    local a = ("x"):rep(8000000)
    local b = a:sub(1, -2) .. "y"
    local work = function()
      local n = 0
      for i = 1, 120 do if a < b then n = n + 1 end end
      return n
    end
    for k = 1, 50 do coroutine.wrap(work)() end
    return false
  end,
  options = { { id = "never" } },
}
