-- Winter 1958: the Wuchang plenum announces a 1958 harvest of 375 Mt
-- (spence1999), cut to 250 Mt in August 1959, against 200 Mt in the early
-- official series (S03). Quotas rise to match.
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
  sources = { "spence1999", "S03", "bernstein1984" },
}
