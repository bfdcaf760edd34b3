-- January 1958 as in scripts/scenarios/1958.lua, and then no Great Leap:
-- no peasants recruited into industry (so none to send home), and at every
-- event the option that stays out of the Leap's campaigns. Events about
-- things the Leap did not start (the export plan, the imports of 1961-62,
-- the Ninth Plenum's readjustment, the sparrows' pardon) keep history's
-- option or cannot fire, because their trigger needs a Leap policy.
return {
  id = "1958_no_leap",
  start = "1958-01",
  data = {
    params = "assets/data/params.csv",
    provinces = "assets/data/provinces.csv",
  },
  history = {},
  events = {
    water_conservancy_drive = "engineers_first",
    general_line = "moderate_pace",
    four_pests = "spare_sparrows",
    chayashan = "wait_and_see",
    close_planting = "ask_agronomists",
    sputnik_yields = "send_inspectors",
    beidaihe_steel = "modern_plants_only",
    communes_are_good = "keep_cooperatives",
    deep_ploughing_praise = "field_trials_only",
    harvest_claims = "order_a_recount",
    leave_land_fallow = "sow_every_field",
    anti_concealment = "believe_the_peasants",
    one_third = "lower_the_quotas",
    lushan = "listen_to_peng",
    granaries = "open_the_granaries",
    xinyang = "stop_the_seizures",
    statistics_destroyed = "report_the_truth",
    cadres_replaced = "hear_them_out",
    dams_give_way = "call_the_engineers",
    ninth_plenum = "stay_the_course",
  },
  sources = { "S01", "S04", "S13" },
  setup = function(s, fx)
    -- As in the 1958 scenario: grain exports were a standing policy before
    -- the Leap (S13), and the weather of 1958 was very favourable.
    fx:enact("grain_exports")
    fx:modifier{ lever = "weather_mult", mul = 1.08, months = 12 }
  end,
}
