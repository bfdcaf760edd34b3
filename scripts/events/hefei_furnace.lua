-- September 1958: in Hefei, Anhui, Mao is shown a backyard furnace said to
-- make high-quality steel (macfarquhar1983, R23, R31).
return {
  id = "hefei_furnace",
  when = { date = "1958-09" },
  trigger = function(s) return s:policy_active("backyard_furnaces") end,
  options = {
    { id = "praise_it", historical = true,
      effects = function(s, fx)
        -- The peak of the steel campaign, September-December 1958: 3.6 million
        -- of Henan's 26 million working-age peasants (R23), five to six
        -- million of Hubei's 17 million (R31): 14-32 % of the labour force.
        fx:modifier{ lever = "labour_furnaces", add = "hefei_furnace_labour_add", months = 4, scale = "zeal" }
        fx:adjust{ var = "pressure_shock", add = "hefei_furnace_shock" }
      end },
    { id = "test_the_steel" },
  },
  sources = { "macfarquhar1983", "R23", "R31" },
}
