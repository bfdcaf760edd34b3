-- February 1962: the production team becomes the basic accounting unit of
-- the communes (E22).
return {
  id = "team_accounting",
  when = { date = "1962-02" },
  options = {
    { id = "accounts_to_the_team", historical = true, effects = function(s, fx) fx:enact("team_accounting") end },
    { id = "accounts_stay_with_the_commune" },
  },
  sources = { "E22" },
}
