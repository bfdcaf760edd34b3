-- 1960: offers of help from abroad are refused (seed). Accepting means
-- buying grain a year earlier, at the 1961 volume (S04: 5.81 Mt).
return {
  id = "foreign_aid",
  when = { date = "1960-03" },
  trigger = function(s) return s.national.death_rate > 14 end,
  options = {
    { id = "refuse", historical = true },
    { id = "accept_help",
      -- Accepting aid means admitting the famine: the grain goes to the
      -- famine areas as relief, not into the cities' rations.
      effects = function(s, fx)
        fx:modifier{ lever = "imports_t_year", add = 5810000, months = 12 }
        fx:modifier{ lever = "relief_share", add = 0.3, months = 12 }
      end },
  },
  sources = { "seed", "S04" },
}
