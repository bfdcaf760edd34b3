-- May 1958: the Second Session of the 8th Party Congress adopts the General
-- Line (E01).
return {
  id = "general_line",
  when = { date = "1958-05" },
  options = {
    { id = "adopt", historical = true, effects = function(s, fx) fx:enact("general_line") end },
    { id = "moderate_pace" },
  },
  sources = { "E01" },
}
