-- 1962: imports continue (S04: 4.92 Mt).
return {
  id = "imports_1962",
  when = { date = "1962-01" },
  trigger = function(s) return s:event_choice("grain_imports") == "buy_abroad" end,
  options = {
    { id = "keep_buying", historical = true,
      effects = function(s, fx) fx:modifier{ lever = "imports_t_year", add = "imports_1962_t", months = 12 } end },
    { id = "stop_buying" },
  },
  sources = { "S04" },
}
