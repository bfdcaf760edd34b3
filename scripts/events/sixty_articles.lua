-- May-June 1961: the revised Sixty Articles on the rural people's communes
-- let members leave the mess halls, and the halls close across the
-- country (E22).
return {
  id = "sixty_articles",
  when = { date = "1961-06" },
  trigger = function(s) return s:policy_active("mess_halls") end,
  options = {
    { id = "close_the_mess_halls", historical = true, effects = function(s, fx) fx:repeal("mess_halls") end },
    { id = "keep_the_mess_halls" },
  },
  sources = { "E22" },
}
