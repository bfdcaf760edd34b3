-- 7 September 1960: the Central Committee orders rural and town rations
-- lowered; the national average town ration of 29.5 jin a month is cut by
-- 2 jin (Li Xiannian, 10 September 1960; R16).
return {
  id = "ration_cut_1960",
  when = { date = "1960-09" },
  options = {
    { id = "cut_the_rations", historical = true,
      effects = function(s, fx) fx:modifier{ lever = "urban_ration_mult", mul = "ration_cut_1960_mult" } end },
    { id = "keep_the_rations" },
  },
  sources = { "R16" },
}
