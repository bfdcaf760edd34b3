-- November 1958: the 1958 harvest reported to the Central Committee as 850
-- billion jin (425 Mt, E12) against 200 Mt in the early official series (S04).
-- Quotas rise to match.
return {
  id = "harvest_claims",
  when = { date = "1958-11" },
  options = {
    { id = "accept_and_raise_quotas", historical = true,
      effects = function(s, fx)
        fx:enact("rising_quotas")
        fx:adjust{ var = "pressure_shock", add = "harvest_claims_shock" }
      end },
    { id = "order_a_recount",
      effects = function(s, fx) fx:enact("verify_harvests") end },
  },
  sources = { "E12", "S04", "seed" },
}
