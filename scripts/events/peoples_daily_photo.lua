-- 1958: a People's Daily photograph shows children standing on rice grown
-- by the new methods; the photograph had been doctored (peoplesdaily1958, becker1996).
return {
  id = "peoples_daily_photo",
  when = { date = "1958-08" },
  trigger = function(s) return s:policy_active("close_planting") or s:policy_active("deep_ploughing") end,
  options = {
    { id = "publish", historical = true,
      effects = function(s, fx) fx:modifier{ lever = "zeal_push", add = "photo_zeal_push", months = 12 } end },
    { id = "withhold" },
  },
  sources = { "peoplesdaily1958", "becker1996" },
}
