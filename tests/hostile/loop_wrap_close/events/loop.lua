-- Lua's own coroutine.wrap would run the pending __close handler with the
-- hooks still off (the hook raised the error) and loop for ever.
return {
  id = "h_loop_wrap_close",
  trigger = function(s)
    local f = coroutine.wrap(function()
      local guard <close> = setmetatable({}, { __close = function() while true do end end })
      while true do end
    end)
    f()
  end,
  options = { { id = "never" } },
}
