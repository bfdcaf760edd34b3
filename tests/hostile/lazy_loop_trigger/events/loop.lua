return {
  id = "h_lazy_loop_trigger",
  scope = "province",
  trigger = function(s, p)
    if p.id == "henan" then while true do end end
    return false
  end,
  options = { { id = "never" } },
}
