-- 1960: offers of help from abroad are refused (S04, becker1996). Accepting means
-- buying grain a year earlier, at the 1961 volume (S04: 5.81 Mt). What the
-- state then does with its granaries is a decision of its own (granaries).
return {
  id = "foreign_aid",
  when = { date = "1960-03" },
  trigger = function(s) return s.national.death_rate > 14 end,
  options = {
    { id = "refuse", historical = true },
    { id = "accept_help",
      effects = function(s, fx) fx:modifier{ lever = "imports_t_year", add = "foreign_aid_imports_t", months = 12 } end },
  },
  sources = { "S04", "becker1996" },
}
