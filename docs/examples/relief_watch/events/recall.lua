-- relief_watch/events/recall.lua: three months on, the relief is recalled
-- early if it is still in force (the named modifier is asked for by name).
return {
  id = "relief_watch_recall",
  hidden = true,
  chained = true,
  trigger = function(s) return s:has_modifier("relief_watch_relief") end,
  options = {
    { id = "recall", effects = function(s, fx) fx:remove_modifier("relief_watch_relief") end },
  },
}
