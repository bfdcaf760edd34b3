-- Early 1961: grain bought from Canada and Australia (E24, E25); China a
-- net importer (S04: imports 5.81 Mt in 1961, 4.92 Mt in 1962). Imports
-- enter the state's granaries, so the towns need less from the countryside
-- and the quotas fall.
return {
  id = "grain_imports",
  when = { date = "1961-02" },
  options = {
    { id = "buy_abroad", historical = true,
      effects = function(s, fx)
        fx:modifier{ lever = "imports_t_year", add = s:param("imports_1961_t") * 12 / 11, months = 11 }
      end },
    { id = "no_imports" },
  },
  sources = { "E24", "E25", "S04" },
}
