-- Where the population fell, the authorities ordered the statistics
-- destroyed (becker1996).
return {
  id = "statistics_destroyed",
  scope = "province",
  when = {
    date = "1959-06", ["until"] = "1961-12", mtth_months = 6,
    -- Zealous cadres hide the dead sooner.
    modifiers = { { factor = 0.5, when = function(s, p) return p.zeal > 0.6 end } },
  },
  trigger = function(s, p) return p.death_rate > 20 end,
  options = {
    { id = "destroy_them", historical = true,
      -- The dead of those months never enter the registers; later deaths are
      -- registered again (the 1962-63 registration was fairly complete).
      effects = function(s, fx, p) fx:modifier{ lever = "concealment", add = "statistics_concealment_add", province = p.id, months = 18 } end },
    { id = "report_the_truth",
      effects = function(s, fx, p) fx:adjust{ var = "zeal", add = "statistics_truth_zeal", province = p.id } end },
  },
  sources = { "becker1996" },
}
