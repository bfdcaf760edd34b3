-- 1960: sparrows taken off the list of pests after scientists point out
-- that they eat insects (E02).
return {
  id = "sparrows_spared",
  when = { date = "1960-04" },
  trigger = function(s) return s:policy_active("sparrow_campaign") end,
  options = {
    { id = "take_them_off_the_list", historical = true, effects = function(s, fx) fx:repeal("sparrow_campaign") end },
    { id = "keep_the_campaign" },
  },
  sources = { "E02" },
}
