-- Each January: how much grain to sell abroad this year. Gross exports and
-- imports as recorded (S04, thousand tonnes converted to tonnes); part of
-- the exports went to the Soviet Union to repay the loans of the 1950s (seed).
local EXPORTS = { [1958] = 2885000, [1959] = 4155000, [1960] = 2720000, [1961] = 1355000, [1962] = 1030000 }
local IMPORTS = { [1958] = 225000, [1959] = 0, [1960] = 65000 }

return {
  id = "grain_exports",
  when = { date = "1958-01", ["until"] = "1962-12" },
  once = false,
  trigger = function(s) return s.month == 1 and s:policy_active("grain_exports") end,
  options = {
    { id = "export_as_planned", historical = true,
      effects = function(s, fx)
        local ex, im = EXPORTS[s.year] or 0, IMPORTS[s.year] or 0
        if ex > 0 then fx:modifier{ lever = "exports_t_year", add = ex, months = 12 } end
        if im > 0 then fx:modifier{ lever = "imports_t_year", add = im, months = 12 } end
      end },
    { id = "export_what_can_be_spared",
      effects = function(s, fx)
        fx:modifier{ lever = "exports_t_year", add = (EXPORTS[s.year] or 0) * 0.4, months = 12 }
      end },
    { id = "stop_exports",
      effects = function(s, fx) fx:repeal("grain_exports") end },
  },
  sources = { "S04", "S13", "seed" },
}
