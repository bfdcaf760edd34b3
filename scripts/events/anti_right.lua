-- August 1959: the Anti-Right Deviation Struggle (E17).
return {
  id = "anti_right",
  when = { date = "1959-08" },
  trigger = function(s) return s:event_choice("lushan") == "purge_peng" end,
  options = {
    { id = "launch_the_struggle", historical = true, effects = function(s, fx) fx:enact("anti_right_deviation") end },
    { id = "keep_it_at_lushan" },
  },
  sources = { "E17" },
}
