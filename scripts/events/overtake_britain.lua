-- June 1958: told that steel output could double, Mao says China will
-- overtake Britain not in fifteen years but in two or three; the goal
-- drives the doubled steel target of the Beidaihe meeting in August
-- (E05, E08; MacFarquhar, The Origins of the Cultural Revolution, vol. 2).
return {
  id = "overtake_britain",
  when = { date = "1958-06" },
  options = {
    { id = "three_years", historical = true,
      effects = function(s, fx) fx:adjust{ var = "pressure_shock", add = "overtake_britain_shock" } end },
    { id = "fifteen_years" },
  },
  sources = { "E05", "E08" },
}
