-- Some officials who saw the suffering committed suicide, or were replaced
-- by cadres who had no such qualms (becker1996).
return {
  id = "cadres_replaced",
  scope = "province",
  when = { date = "1959-03", ["until"] = "1961-06", mtth_months = 6 },
  trigger = function(s, p) return p.death_rate > 18 and s.national.pressure > 0.5 end,
  options = {
    { id = "replace_them", historical = true,
      effects = function(s, fx, p) fx:adjust{ var = "zeal", add = "cadres_replaced_zeal", province = p.id } end },
    { id = "hear_them_out",
      effects = function(s, fx, p) fx:adjust{ var = "zeal", add = -1 * s:param("cadres_replaced_zeal"), province = p.id } end },
  },
  sources = { "becker1996" },
}
