-- 1959-1961: Sichuan, under Li Jingquan (R19), sends grain out of the
-- province as its villages starve (bramall2011; cao2004 for the deaths). The
-- share is the rise of Sichuan's procurement share from 1957/58 to 1959/60
-- (P04: sichuan_outflow_share in params.csv).
return {
  id = "sichuan_transfers",
  province = "sichuan",
  when = { date = "1959-07" },
  options = {
    { id = "send_the_grain", historical = true,
      effects = function(s, fx, p) fx:modifier{ lever = "outflow_share", add = "sichuan_outflow_share", province = p.id, months = 30 } end },
    { id = "keep_it_in_sichuan" },
  },
  sources = { "P04", "cao2004", "bramall2011", "R19" },
}
