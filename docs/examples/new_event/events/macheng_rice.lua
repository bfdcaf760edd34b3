-- 13 August 1958: the People's Daily front page reports 36,956 jin of early
-- rice per mu from the Jianguo commune in Macheng county, Hubei (E07, E04).
-- The sizes of the effects are modelling choices, like those of the base
-- game's sputnik_yields event: a celebrated claim makes Hubei's cadres
-- inflate their reports and push harder; a check cools them.
return {
  id = "macheng_rice",
  province = "hubei",
  when = { date = "1958-08", ["until"] = "1958-10" },
  trigger = function(s, p) return p.zeal > 0 end,
  options = {
    { id = "front_page", historical = true,
      effects = function(s, fx, p)
        fx:modifier{ lever = "report_inflation", add = 0.15, province = p.id, months = 12 }
        fx:modifier{ lever = "zeal_push", add = 0.05, province = p.id, months = 12 }
      end },
    { id = "weigh_the_harvest",
      effects = function(s, fx, p)
        fx:adjust{ var = "zeal", add = -0.05, province = p.id }
      end },
  },
  sources = { "E07", "E04" },
}
