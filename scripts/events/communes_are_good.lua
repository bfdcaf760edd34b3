-- Summer 1958: Mao visits the Sputnik commune and proclaims "Communes are
-- good!"; the Beidaihe meeting resolves to set them up everywhere (E05).
return {
  id = "communes_are_good",
  when = { date = "1958-08" },
  options = {
    { id = "communes_everywhere", historical = true,
      effects = function(s, fx)
        fx:enact("communes")
        fx:enact("mess_halls")
        fx:enact("private_plots_abolished")
      end },
    { id = "keep_cooperatives" },
  },
  sources = { "E05", "E11" },
}
