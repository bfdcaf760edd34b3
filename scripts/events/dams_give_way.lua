-- In the rains, dams built by peasant know-how give way (shapiro2001, dikotter2010).
return {
  id = "dams_give_way",
  scope = "province",
  when = { date = "1958-07", mtth_months = 3 },
  trigger = function(s, p) return (s.month == 7 or s.month == 8) and p.works_unsafe > 0.5 end,
  options = {
    { id = "blame_saboteurs", historical = true },
    { id = "call_the_engineers",
      effects = function(s, fx, p)
        fx:adjust{ var = "works_unsafe", set = 0, province = p.id }
        fx:modifier{ lever = "labour_water", add = "dams_engineers_labour_add", province = p.id, months = 6 }
      end },
  },
  sources = { "shapiro2001", "dikotter2010" },
}
