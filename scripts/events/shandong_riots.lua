-- Spring 1959: hunger oedema and flight in Shandong before Lushan (R27:
-- Yang Jisheng, ch. 8 §7).
return {
  id = "shandong_riots",
  province = "shandong",
  when = { date = "1959-04" },
  options = {
    { id = "suppress", historical = true,
      effects = function(s, fx, p) fx:adjust{ var = "zeal", add = "shandong_suppress_zeal", province = p.id } end },
    { id = "send_relief_grain",
      effects = function(s, fx, p) fx:modifier{ lever = "relief_share", add = "shandong_relief_add", province = p.id, months = 4 } end },
  },
  sources = { "R27" },
}
