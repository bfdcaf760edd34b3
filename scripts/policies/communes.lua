-- People's communes: cooperatives merged into communes of thousands of
-- households, "the first sprouts of Communism" (E05, E11, E14).
return {
  id = "communes",
  category = "agriculture",
  modifiers = {
    { lever = "incentive_mult", mul = "communes_incentive_mult" },   -- work no longer tied to one's own harvest
    { lever = "zeal_push", add = "communes_zeal_push" },        -- cadres compete to equal "Sputnik"
  },
  sources = { "E05", "E11", "E14" },
}
