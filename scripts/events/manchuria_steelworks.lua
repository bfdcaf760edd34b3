-- January 1959: at a steel works in Manchuria, Mao learns that good steel
-- needs large plants and coal; he does not halt the furnaces, so as not to
-- dampen the masses' enthusiasm (li1994).
return {
  id = "manchuria_steelworks",
  when = { date = "1959-01" },
  trigger = function(s) return s:policy_active("backyard_furnaces") end,
  options = {
    { id = "keep_the_furnaces", historical = true },
    { id = "halt_the_furnaces",
      effects = function(s, fx) fx:repeal("backyard_furnaces") end },
  },
  sources = { "li1994" },
}
