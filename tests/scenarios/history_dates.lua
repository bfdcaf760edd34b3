-- The dates issue 11 corrected, so they cannot drift back: each event fires
-- in its month with history's option, and the policies it changes are in
-- force (or not) when the record says.

-- The month an event last fired, as "YYYY-MM", from the months since.
local function fired_in(t, event, province)
  local s = t:state()
  local ago = s:event_months(event, province)
  if not ago then return nil end
  local index = s.month_index - ago
  local y, m = 1958 + index // 12, index % 12 + 1
  return string.format("%04d-%02d", y, m)
end

local function expect_fired(t, event, date, option, province)
  local s = t:state()
  t:expect(fired_in(t, event, province) == date, "%s fired in %s, not %s", event, tostring(fired_in(t, event, province)),
           date)
  t:expect(s:event_choice(event, province) == option, "%s took %s, not %s", event,
           tostring(s:event_choice(event, province)), option)
end

return {
  { name = "the sparrow drive begins in March 1958 (its peak was March-April)",
    run = function(t)
      t:advance_to("1958-04")
      expect_fired(t, "four_pests", "1958-03", "include_sparrows")
      t:expect(t:state():policy_active("sparrow_campaign"), "the campaign is not in force in April 1958")
    end },

  { name = "'two or three years to overtake Britain' dates from June 1958, before the steel campaign",
    run = function(t)
      t:advance_to("1958-07")
      expect_fired(t, "overtake_britain", "1958-06", "three_years")
      t:expect(not t:state():policy_active("backyard_furnaces"), "the furnaces came before the goal")
    end },

  { name = "the furnaces are wound down from the Wuchang plenum into early 1959",
    run = function(t)
      t:advance_to("1959-04")
      expect_fired(t, "furnaces_abandoned", "1959-03", "let_them_lapse")
      t:expect(not t:state():policy_active("backyard_furnaces"), "the furnaces still burn in April 1959")
    end },

  { name = "the Ninth Plenum keeps the communes and enacts no household quotas",
    run = function(t)
      t:advance_to("1961-02")
      local s = t:state()
      expect_fired(t, "ninth_plenum", "1961-01", "adjust_and_consolidate")
      t:expect(s:policy_active("communes"), "the communes were dissolved")
      t:expect(s:policy_active("smaller_communes"), "the communes were not split")
      t:expect(not s:policy_active("household_quotas"), "household quotas became national policy")
      t:expect(s:policy_active("mess_halls"), "the mess halls closed before the Sixty Articles")
    end },

  { name = "household contracting is Anhui's experiment from March 1961",
    run = function(t)
      t:advance_to("1961-04")
      expect_fired(t, "anhui_responsibility_fields", "1961-03", "responsibility_fields", "anhui")
      local s = t:state()
      t:expect(s:province("anhui"):lever("incentive_mult") > s:province("henan"):lever("incentive_mult"),
               "Anhui's fields changed nothing")
    end },

  { name = "the mess halls close in June 1961, after the revised Sixty Articles",
    run = function(t)
      t:advance_to("1961-07")
      expect_fired(t, "sixty_articles", "1961-06", "close_the_mess_halls")
      t:expect(not t:state():policy_active("mess_halls"), "the mess halls still feed the villages")
    end },

  { name = "the production team keeps the accounts from 1962; the communes last",
    run = function(t)
      t:advance_to("1962-03")
      expect_fired(t, "team_accounting", "1962-02", "accounts_to_the_team")
      t:expect(t:state():policy_active("team_accounting"), "the team does not keep the accounts")
      t:expect(t:state():policy_active("communes"), "the communes were dissolved")
    end },

  { name = "Hunan's first secretary falls with Peng after Lushan; Gansu's is removed in December 1960",
    run = function(t)
      t:advance_to("1961-01")
      expect_fired(t, "hunan_leadership", "1959-09", "replace_zhou_xiaozhou", "hunan")
      expect_fired(t, "gansu_leadership", "1960-12", "remove_zhang_zhongliang", "gansu")
      local s = t:state()
      t:expect(s:province("hunan").radicalism > s:province("guangdong").radicalism, "Hunan's leadership is not radical")
      t:expect(s:province("gansu").radicalism < s:province("henan").radicalism, "Gansu's leadership is still radical")
    end },

  { name = "the town rations are cut in September 1960 (R16: 29.5 jin less 2)",
    run = function(t)
      t:advance_to("1960-10")
      expect_fired(t, "ration_cut_1960", "1960-09", "cut_the_rations")
      t:near(t:state():lever("urban_ration_mult"), 27.5 / 29.5, 0.005, "town ration")
    end },
}
