-- January 1961: the Ninth Plenum adopts "adjustment, consolidation,
-- filling out and raising standards" (E21, E22). The communes stay (until
-- 1983) but are split, from about 24,000 to about 74,000; private plots,
-- rural markets and sideline occupations come back; the Leap's farming
-- campaigns end. The mess halls close only after the revised Sixty
-- Articles (sixty_articles, June 1961); household contracting stays Anhui's
-- experiment (anhui_responsibility_fields), never national policy.
return {
  id = "ninth_plenum",
  when = { date = "1961-01" },
  options = {
    { id = "adjust_and_consolidate", historical = true,
      effects = function(s, fx)
        for _, id in ipairs{ "free_supply", "private_plots_abolished", "rising_quotas", "fallow_best_fields",
                             "close_planting", "deep_ploughing", "anti_right_deviation", "water_conservancy" } do
          fx:repeal(id)
        end
        for _, id in ipairs{ "smaller_communes", "private_plots_restored", "sideline_occupations" } do
          fx:enact(id)
        end
        fx:adjust{ var = "pressure_shock", add = "ninth_plenum_shock" }
      end },
    { id = "stay_the_course" },
  },
  sources = { "E21", "E22" },
}
