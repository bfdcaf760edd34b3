return {
  id = "h_loop_coroutine",
  trigger = function(s)
    local co = coroutine.wrap(function()
      while true do coroutine.isyieldable() end
    end)
    co()
  end,
  options = { { id = "never" } },
}
