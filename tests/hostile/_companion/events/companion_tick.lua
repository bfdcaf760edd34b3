-- Fires every month and keeps the companion policy in force.
return {
  id = "companion_tick",
  once = false,
  trigger = function(s) return s.year >= 1958 end,
  options = {
    { id = "tick", effects = function(s, fx) if not s:policy_active("companion_policy") then fx:enact("companion_policy") end fx:notify("companion.tick") end },
  },
}
