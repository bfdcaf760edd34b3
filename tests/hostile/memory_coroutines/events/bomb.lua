return {
  id = "h_memory_coroutines",
  trigger = function(s)
    local all = {}
    for i = 1, 1e7 do
      local co = coroutine.create(function(...) coroutine.yield(...) end)
      coroutine.resume(co, i, i, i)
      all[i] = co
    end
  end,
  options = { { id = "never" } },
}
