-- Each January: how much grain to sell abroad this year. Gross exports and
-- imports as recorded (S04, parameters exports_YYYY_t and imports_YYYY_t);
-- part of the exports went to the Soviet Union to repay the loans of the
-- 1950s (S04, S13). The tonnage is shipped while the grain_exports policy is in
-- force: exports come out of procurement, so stopping them lowers the quotas
-- and leaves more in the state's granaries for the countryside.
local function tonnes(s, what)
  local name = what .. "_" .. s.year .. "_t"
  for _, known in ipairs{ "exports_1958_t", "exports_1959_t", "exports_1960_t", "exports_1961_t",
                          "exports_1962_t", "imports_1958_t", "imports_1960_t" } do
    if known == name then return s:param(name) end
  end
  return 0
end

return {
  id = "grain_exports",
  when = { date = "1958-01", ["until"] = "1962-12" },
  once = false,
  trigger = function(s) return s.month == 1 and s:policy_active("grain_exports") end,
  options = {
    { id = "export_as_planned", historical = true,
      effects = function(s, fx)
        local ex, im = tonnes(s, "exports"), tonnes(s, "imports")
        if ex > 0 then fx:modifier{ lever = "exports_t_year", add = ex, months = 12 } end
        if im > 0 then fx:modifier{ lever = "imports_t_year", add = im, months = 12 } end
      end },
    { id = "export_what_can_be_spared",
      effects = function(s, fx)
        fx:modifier{ lever = "exports_t_year", add = tonnes(s, "exports") * s:param("exports_spared_share"), months = 12 }
      end },
    { id = "stop_exports",
      effects = function(s, fx) fx:repeal("grain_exports") end },
  },
  sources = { "S04", "S13" },
}
