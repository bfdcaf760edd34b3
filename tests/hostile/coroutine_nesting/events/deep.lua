local function nest(n)
  return coroutine.wrap(function() return nest(n + 1)() end)
end
return {
  id = "h_coroutine_nesting",
  trigger = function(s) return nest(1)() end,
  options = { { id = "never" } },
}
