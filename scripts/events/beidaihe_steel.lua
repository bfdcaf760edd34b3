-- August 1958, Beidaihe: the steel target for 1958 doubled to 10.7 million
-- tonnes; backyard furnaces in every commune (E05, E08).
return {
  id = "beidaihe_steel",
  when = { date = "1958-08" },
  options = {
    { id = "backyard_furnaces", historical = true, effects = function(s, fx) fx:enact("backyard_furnaces") end },
    { id = "modern_plants_only" },
  },
  sources = { "E05", "E08", "hprc2010" },
}
