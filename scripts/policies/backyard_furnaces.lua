-- Backyard furnaces in every commune to meet the steel target. The mass
-- mobilisation of the autumn of 1958 comes from the Hefei event (Henan
-- alone mobilised 3.6 million people in September 1958, R23, Hubei five to
-- six million, R31); what stays is the smaller effort that went on through
-- 1959 (the share is an assumption, docs/calibration.md). Stronger where
-- cadres were zealous.
return {
  id = "backyard_furnaces",
  category = "industry",
  modifiers = {
    { lever = "labour_furnaces", add = "furnaces_labour_add", scale = "zeal" },
  },
  sources = { "E08", "R23", "R31" },
}
