-- Backyard furnaces in every commune to meet the steel target: Henan alone
-- mobilised 3.6 million people in September 1958 (R23), Hubei five to six
-- million (R31). Stronger where cadres were zealous.
return {
  id = "backyard_furnaces",
  category = "industry",
  modifiers = {
    { lever = "labour_furnaces", add = 0.08, scale = "zeal" },
  },
  sources = { "seed", "E08", "R23", "R31" },
}
