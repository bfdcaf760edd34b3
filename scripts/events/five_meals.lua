-- Autumn 1958: buoyed by the reported harvests, peasants told to eat five
-- meals a day and to have more children; food "according to need", work
-- points only 30% (macfarquhar1983, dikotter2010, changwen1997).
return {
  id = "five_meals",
  when = { date = "1958-09" },
  trigger = function(s) return s:policy_active("communes") end,
  options = {
    { id = "eat_your_fill", historical = true,
      effects = function(s, fx)
        fx:enact("free_supply")
        fx:modifier{ lever = "consumption_mult", mul = "five_meals_consumption_mult", months = 3 }
        -- The mess halls ate freely until their stores ran out in the spring of 1959.
        fx:modifier{ lever = "mess_free_eating", add = 1, months = s:param("free_eating_months") }
        fx:modifier{ lever = "fertility_mult", mul = "five_meals_fertility_mult", months = 12 }
      end },
    { id = "keep_work_points" },
  },
  sources = { "macfarquhar1983", "dikotter2010", "changwen1997" },
}
