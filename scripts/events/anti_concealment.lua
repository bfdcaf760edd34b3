-- February 1959: Mao endorses a report on "concealed" grain in Leinan
-- county; drives against rich peasants "hiding grain" spread nationwide
-- (E13).
return {
  id = "anti_concealment",
  when = { date = "1959-02" },
  options = {
    { id = "search_for_hidden_grain", historical = true,
      effects = function(s, fx)
        fx:modifier{ lever = "procurement_rate", add = "anti_concealment_procurement_add", months = 8, scale = "zeal" }
        fx:modifier{ lever = "seed_grain_taken", add = "anti_concealment_seed_add", months = 8, scale = "zeal" }
      end },
    { id = "believe_the_peasants" },
  },
  sources = { "E13", "dikotter2010" },
}
