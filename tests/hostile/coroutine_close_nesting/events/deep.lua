-- Each coroutine's __close closes the previous one: lua_resetthread nests
-- in C without Lua's C-stack check and overflows the real stack (Lua
-- 5.4.4 crashes at about 25,000 coroutines; 200 show the guard works).
return {
  id = "h_coroutine_close_nesting",
  trigger = function(s)
    local previous = false
    for i = 1, 200 do
      local before = previous
      previous = coroutine.create(function()
        local guard <close> = setmetatable({}, { __close = function()
          if before then
            local ok, err = coroutine.close(before)
            if not ok then error(err, 0) end
          end
        end })
        coroutine.yield()
      end)
      coroutine.resume(previous)
    end
    local ok, err = coroutine.close(previous)
    error("closing came back: " .. tostring(err))
  end,
  options = { { id = "never" } },
}
