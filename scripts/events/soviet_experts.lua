-- 1960: the Soviet experts leave (E20).
return {
  id = "soviet_experts",
  when = { date = "1960-07" },
  options = {
    { id = "self_reliance", historical = true,
      effects = function(s, fx) fx:adjust{ var = "pressure_shock", add = "soviet_experts_shock" } end },
  },
  sources = { "E20" },
}
