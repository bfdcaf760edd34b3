-- Early 1961: grain bought from Canada and Australia (E24, E25); China a
-- net importer (S04: imports 5.81 Mt in 1961, 4.92 Mt in 1962).
return {
  id = "grain_imports",
  when = { date = "1961-02" },
  options = {
    { id = "buy_abroad", historical = true,
      effects = function(s, fx)
        fx:modifier{ lever = "imports_t_year", add = 5810000 * 12 / 11, months = 11 }
      end },
    { id = "no_imports" },
  },
  sources = { "E24", "E25", "S04", "seed" },
}
