-- August-September 1959: Hunan's first secretary Zhou Xiaozhou backed Peng
-- Dehuai at Lushan and fell with him; Zhang Pinghua took over and pressed
-- the Leap on (E16). The province's leadership becomes a radical one.
return {
  id = "hunan_leadership",
  province = "hunan",
  when = { date = "1959-09" },
  trigger = function(s) return s:event_choice("lushan") == "purge_peng" end,
  options = {
    { id = "replace_zhou_xiaozhou", historical = true,
      effects = function(s, fx, p) fx:adjust{ var = "radicalism", set = "radicalism_radical", province = p.id } end },
    { id = "keep_zhou_xiaozhou" },
  },
  sources = { "E16" },
}
