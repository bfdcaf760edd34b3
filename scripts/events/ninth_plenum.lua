-- January 1961: the Ninth Plenum. Liu Shaoqi and Deng Xiaoping's emergency
-- policies: smaller communes, private plots, markets, sideline occupations,
-- household quotas (seed, E22).
return {
  id = "ninth_plenum",
  when = { date = "1961-01" },
  options = {
    { id = "adjust_and_consolidate", historical = true,
      effects = function(s, fx)
        for _, id in ipairs{ "communes", "mess_halls", "free_supply", "private_plots_abolished",
                             "rising_quotas", "fallow_best_fields", "close_planting", "deep_ploughing",
                             "anti_right_deviation", "water_conservancy" } do
          fx:repeal(id)
        end
        for _, id in ipairs{ "smaller_communes", "private_plots_restored", "sideline_occupations",
                             "household_quotas" } do
          fx:enact(id)
        end
        fx:adjust{ var = "pressure_shock", add = -0.2 }
      end },
    { id = "stay_the_course" },
  },
  sources = { "seed", "E22" },
}
