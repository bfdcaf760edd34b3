return {
  id = "h_lazy_loop_coroutine",
  scope = "province",
  trigger = function(s, p)
    if p.id == "henan" then
      coroutine.wrap(function() while true do end end)()
    end
    return false
  end,
  options = { { id = "never" } },
}
