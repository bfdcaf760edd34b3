-- December 1958 to early 1959: from the Wuchang plenum on, the backyard
-- furnaces are wound down without any public reversal (E09; MacFarquhar,
-- The Origins of the Cultural Revolution, vol. 2).
return {
  id = "furnaces_abandoned",
  when = { date = "1959-03" },
  trigger = function(s) return s:policy_active("backyard_furnaces") end,
  options = {
    { id = "let_them_lapse", historical = true, effects = function(s, fx) fx:repeal("backyard_furnaces") end },
    { id = "keep_going" },
  },
  sources = { "E09" },
}
