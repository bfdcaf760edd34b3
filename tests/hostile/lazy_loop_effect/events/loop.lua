return {
  id = "h_lazy_loop_effect",
  scope = "province",
  when = { date = "1958-01", ["until"] = "1958-01" },
  trigger = function(s, p) return true end,
  options = {
    { id = "spin", effects = function(s, fx, p)
        if p.id == "henan" then while true do end end
      end },
  },
}
