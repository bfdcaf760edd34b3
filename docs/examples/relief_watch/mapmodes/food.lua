-- relief_watch/mapmodes/food.lua: the food villagers had last month, on the
-- map after the eight built-in modes (key 9).
return {
  id = "relief_watch_food",
  lo = 1000, hi = 2600,
  palette = { "#7a1f1f", "#d9a441", "#f7f4ea" },
  value = function(s, p) return p.kcal end,
}
