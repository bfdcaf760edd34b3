-- December 1958: steel up by a reported 30%; Britain, to be overtaken in
-- fifteen years, is now to be overtaken in three (seed).
return {
  id = "overtake_britain",
  when = { date = "1958-12" },
  trigger = function(s) return s:policy_active("backyard_furnaces") end,
  options = {
    { id = "three_years", historical = true,
      effects = function(s, fx)
        fx:adjust{ var = "pressure_shock", add = "overtake_britain_shock" }
        fx:modifier{ lever = "labour_furnaces", add = "overtake_britain_labour_add", months = 6, scale = "zeal" }
      end },
    { id = "fifteen_years" },
  },
  sources = { "seed" },
}
