-- June-September 1958: "satellite" yields in the People's Daily, from 2,105
-- jin per mu (8 June) to 130,435 jin per mu (September) (E04, E06, E07, E10).
return {
  id = "sputnik_yields",
  when = { date = "1958-06" },
  options = {
    { id = "celebrate", historical = true,
      effects = function(s, fx)
        fx:modifier{ lever = "report_inflation", add = "sputnik_inflation_add", months = 12 }
        fx:adjust{ var = "pressure_shock", add = "sputnik_shock" }
      end },
    { id = "send_inspectors",
      effects = function(s, fx)
        fx:modifier{ lever = "zeal_push", add = "sputnik_inspectors_zeal", months = 12 }
      end },
  },
  sources = { "E04", "E06", "E07", "E10" },
}
