-- relief_report/events/report.lua: each December, if any province is under
-- relief_watch's line, a card says how many (relief_watch's exports).
local watch = import("relief_watch")

return {
  id = "relief_report_year",
  once = false,
  when = { date = "1958-12" },
  trigger = function(s) return s.month == 12 and watch.hungry_count() > 0 end,
  options = {
    { id = "noted",
      effects = function(s, fx)
        fx:notify("relief_report.count", { count = watch.hungry_count(), line = watch.alarm_kcal() })
      end },
  },
}
