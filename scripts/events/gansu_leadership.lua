-- December 1960: after the deaths in Tongwei and elsewhere are exposed,
-- Gansu's first secretary Zhang Zhongliang is removed (Yang Jisheng,
-- Tombstone, ch. 2; P07). The new leadership is an ordinary one.
return {
  id = "gansu_leadership",
  province = "gansu",
  when = { date = "1960-12" },
  options = {
    { id = "remove_zhang_zhongliang", historical = true,
      effects = function(s, fx, p) fx:adjust{ var = "radicalism", set = "radicalism_ordinary", province = p.id } end },
    { id = "keep_zhang_zhongliang" },
  },
  sources = { "P07" },
}
