-- Late 1959: the backyard furnace programme quietly abandoned (seed).
return {
  id = "furnaces_abandoned",
  when = { date = "1959-11" },
  trigger = function(s) return s:policy_active("backyard_furnaces") end,
  options = {
    { id = "let_them_lapse", historical = true, effects = function(s, fx) fx:repeal("backyard_furnaces") end },
    { id = "keep_going" },
  },
  sources = { "seed" },
}
