-- 1959-1961: Sichuan, under Li Jingquan, ordered to send out 5.8 billion jin
-- in 1959/60 and sent 4.8 billion (T11); 14.7 billion jin over three years
-- (R25). The share below is 4.8 billion jin (2.4 Mt) over an early-series
-- harvest around the model's Sichuan output (docs/calibration.md).
return {
  id = "sichuan_transfers",
  province = "sichuan",
  when = { date = "1959-07" },
  options = {
    { id = "send_the_grain", historical = true,
      effects = function(s, fx, p) fx:modifier{ lever = "outflow_share", add = "sichuan_outflow_share", province = p.id, months = 30 } end },
    { id = "keep_it_in_sichuan" },
  },
  sources = { "T11", "R25", "R25b", "R19" },
}
