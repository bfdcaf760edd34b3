return {
  id = "h_lazy_loop_pcall",
  scope = "province",
  trigger = function(s, p)
    if p.id == "henan" then
      for _ = 1, 1000 do pcall(function() while true do end end) end
      error("ESCAPE: the loop was swallowed by pcall")
    end
    return false
  end,
  options = { { id = "never" } },
}
