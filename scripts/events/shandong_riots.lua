-- April 1959: over 130 grain seizures in Yuncheng county, Shandong (E15).
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
  sources = { "E15" },
}
