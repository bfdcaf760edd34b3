return {
  id = "h_coroutine_yield_top",
  trigger = function(s)
    local guard <close> = setmetatable({}, { __close = function() end })
    coroutine.yield(1, 2, 3)
    error("ESCAPE: resumed after a yield")
  end,
  options = { { id = "never" } },
}
