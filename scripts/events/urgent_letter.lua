-- November 1960: the Urgent Directive Letter on the rural communes begins
-- the retreat from communal excess (E21).
return {
  id = "urgent_letter",
  when = { date = "1960-11" },
  options = {
    { id = "issue_the_letter", historical = true,
      effects = function(s, fx)
        fx:repeal("free_supply")
        fx:adjust{ var = "pressure_shock", add = "urgent_letter_shock" }
      end },
    { id = "stay_the_course" },
  },
  sources = { "E21" },
}
