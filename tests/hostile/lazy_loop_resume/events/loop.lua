return {
  id = "h_lazy_loop_resume",
  scope = "province",
  trigger = function(s, p)
    if p.id == "henan" then
      local made = coroutine.create(function() while true do end end)
      coroutine.resume(made)
    end
    return false
  end,
  options = { { id = "never" } },
}
