-- September 1958: in Hefei, Anhui, Mao is shown a backyard furnace said to
-- make high-quality steel (seed).
return {
  id = "hefei_furnace",
  when = { date = "1958-09" },
  trigger = function(s) return s:policy_active("backyard_furnaces") end,
  options = {
    { id = "praise_it", historical = true,
      effects = function(s, fx)
        fx:modifier{ lever = "labour_furnaces", add = 0.08, months = 4, scale = "zeal" }
        fx:adjust{ var = "pressure_shock", add = 0.05 }
      end },
    { id = "test_the_steel" },
  },
  sources = { "seed" },
}
