-- relief_watch/events/inspection.lua: no card (hidden), only ever fired by
-- on_month (chained). Relief goes to the hungriest province for six months
-- under a name, so that a later event can ask for it and take it back.
return {
  id = "relief_watch_inspection",
  hidden = true,
  chained = true,
  options = {
    { id = "send_relief",
      effects = function(s, fx)
        local worst
        for _, p in ipairs(s.provinces) do
          if not worst or p.kcal < worst.kcal then worst = p end
        end
        fx:modify{ name = "relief_watch_relief", lever = "relief_share", add = 0.3, province = worst.id, months = 6 }
        if settings.notify then
          fx:notify("relief_watch.sent", worst.id, { share = 30 })
        end
        fx:fire("relief_watch_recall", 3)
      end },
  },
}
