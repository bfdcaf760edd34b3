-- relief_watch/exports.lua: what a mod that depends on this one may call
-- (values are copied between the mods, never shared).
local M = {}

-- The alarm line the player set, in kcal per person per day.
function M.alarm_kcal()
  return settings.alarm_kcal
end

-- How many provinces were under it last month.
function M.hungry_count()
  return storage.hungry or 0
end

return M
