-- A mod written against API version 2: a hook that watches every month, a
-- hidden event it fires as a chain, a named modifier that event puts on
-- and takes off, a map mode, two settings for the player, and exports
-- that relief_report (a mod that depends on this one) uses. The sizes of
-- its effects are modelling choices, not history.

-- Every month, after the core's month: how many provinces fell under the
-- alarm line, and the first time three did, an inspection a month later.
function on_month(s, fx)
  local hungry = 0
  for _, p in ipairs(s.provinces) do
    if p.kcal < settings.alarm_kcal then hungry = hungry + 1 end
  end
  storage.hungry = hungry
  if hungry >= 3 and not storage.inspection then
    storage.inspection = s.date
    fx:fire("relief_watch_inspection", 1)
  end
end

function on_new_game(s, fx)
  storage.hungry = 0
end

return {
  id = "relief_watch",
  name = "Relief watch",
  version = "1.0.0",
  api_version = 2,
  author = "Great Leap",
  description = "Watches the food each province's villages have, and sends an inspection with relief when three fall under an alarm line.",
  languages = { "en", "zh" },
  settings = {
    { name = "alarm_kcal", type = "number", default = 1500, min = 1000, max = 2200, step = 100 },
    { name = "notify", type = "bool", default = true },
  },
}
