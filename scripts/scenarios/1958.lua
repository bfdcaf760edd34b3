-- January 1958: the Party Center on the eve of the Great Leap Forward.
-- Starting figures come from the data files (each marked recorded or
-- modelled, with its source); `history` lists the policy changes that no
-- event decides, as they happened, for historical mode and --choices historical.
return {
  id = "1958",
  start = "1958-01",
  data = {
    params = "assets/data/params.csv",
    provinces = "assets/data/provinces.csv",
  },
  history = {
    -- Peasants recruited into industry and the cities, 1958-1960, and sent
    -- back from mid-1961 (urban population 99.5 M in 1957 and 116.6 M in
    -- 1962: R11; the returns: macfarquhar1997).
    { date = "1958-03", enact = "industrial_recruitment" },
    { date = "1960-12", repeal = "industrial_recruitment" },
    { date = "1961-06", enact = "send_workers_home" },
    { date = "1962-12", repeal = "send_workers_home" },
  },
  sources = { "S01", "S04", "S11", "S13", "R11" },
  setup = function(s, fx)
    -- The status quo of 1957: grain exports were a standing policy (S13:
    -- net exporter every year 1950-1960); each year's tonnage comes from the
    -- export plan event.
    fx:enact("grain_exports")
    -- The weather of 1958 was good: a record harvest (S03). The size of the
    -- effect is a calibration choice (docs/calibration.md), not a record.
    fx:modifier{ lever = "weather_mult", mul = "weather_1958_mult", months = 12 }
  end,
}
