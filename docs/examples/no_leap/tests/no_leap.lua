-- Without the Leap: none of its campaigns is ever in force, the events took
-- the non-Leap options, and far fewer people die than in history.
local LEAP_POLICIES = {
  "general_line", "water_conservancy", "sparrow_campaign", "close_planting", "deep_ploughing",
  "backyard_furnaces", "communes", "mess_halls", "private_plots_abolished", "free_supply",
  "rising_quotas", "fallow_best_fields", "anti_right_deviation", "granaries_closed",
  "industrial_recruitment",
}

return {
  { name = "none of the Leap's policies is ever in force, 1958-1962",
    scenario = "1958_no_leap",
    run = function(t)
      for _ = 1, 60 do
        t:advance(1)
        local s = t:state()
        for _, id in ipairs(LEAP_POLICIES) do
          t:expect(not s:policy_active(id), "%s is in force in %s", id, s.date)
        end
      end
    end },

  { name = "the events took the options that stay out of the Leap",
    scenario = "1958_no_leap",
    run = function(t)
      t:advance_to("1961-01")
      local s = t:state()
      t:expect(s:event_choice("communes_are_good") == "keep_cooperatives", "communes")
      t:expect(s:event_choice("beidaihe_steel") == "modern_plants_only", "steel")
      t:expect(s:event_choice("lushan") == "listen_to_peng", "Lushan")
      t:expect(not s:event_fired("anti_right"), "the anti-rightist struggle needs the purge at Lushan")
      t:expect(not s:event_fired("five_meals"), "five meals a day needs the communes")
    end },

  { name = "far fewer die in 1960 than in history",
    scenario = "1958_no_leap",
    run = function(t)
      t:advance_to("1960-12")
      local y = t:state().national:year(1960)
      -- 1957's crude death rate was 10.80 per 1000 (S01); history's 1960
      -- was more than twice that.
      t:expect(y.crude_death_rate < 1.3 * 10.80, "1960 death rate %.2f per 1000", y.crude_death_rate)
    end },

  { name = "the scenario has a name in both languages",
    scenario = "1958_no_leap",
    run = function(t)
      t:expect(t:text("scenario.1958_no_leap.name") == "1958 without the Great Leap", "English name")
      t:expect(t:text("scenario.1958_no_leap.name", "zh") ~= nil, "Chinese name")
    end },
}
