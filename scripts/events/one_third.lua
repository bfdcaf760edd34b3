-- 25 March 1959: "If you don't go above a third, people won't rebel" (E14).
return {
  id = "one_third",
  when = { date = "1959-03" },
  options = {
    { id = "up_to_a_third", historical = true,
      effects = function(s, fx)
        -- Quotas already planned on the inflated 1958 claims stand.
        fx:adjust{ var = "pressure_shock", add = "one_third_shock" }
      end },
    { id = "lower_the_quotas",
      effects = function(s, fx) fx:modifier{ lever = "procurement_rate", add = "one_third_lower_add", months = 12 } end },
  },
  sources = { "E14", "S12" },
}
