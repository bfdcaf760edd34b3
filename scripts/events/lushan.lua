-- July 1959, the Lushan Conference: Peng Dehuai's letter on the state of
-- the countryside; no one backs him; he is purged (E16).
return {
  id = "lushan",
  when = { date = "1959-07" },
  options = {
    { id = "purge_peng", historical = true,
      effects = function(s, fx)
        fx:adjust{ var = "pressure_shock", add = "lushan_purge_shock" }
      end },
    { id = "listen_to_peng",
      effects = function(s, fx)
        fx:adjust{ var = "pressure_shock", add = "lushan_listen_shock" }
        fx:enact("verify_harvests")
        fx:repeal("free_supply")
        fx:repeal("rising_quotas")
      end },
  },
  sources = { "E16" },
}
