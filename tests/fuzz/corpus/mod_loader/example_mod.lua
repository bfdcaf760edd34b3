-- 13 August 1958: the People's Daily front page reports 36,956 jin of early
-- rice per mu from the Jianguo commune in Macheng county, Hubei (E07, E04).
-- The sizes of the effects are modelling choices, like those of the base
-- game's sputnik_yields event: a celebrated claim makes Hubei's cadres
-- inflate their reports and push harder; a check cools them.
return {
  id = "macheng_rice",
  province = "hubei",
  when = { date = "1958-08", ["until"] = "1958-10" },
  trigger = function(s, p) return p.zeal > 0.05 end,
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

--@@
-- Example mod: one new event with a choice (docs/modding.md explains each part).
return {
  id = "macheng_rice",
  name = "The Macheng early-rice claim",
  version = "1.0.0",
  api_version = 1,
  languages = { "en", "zh" },
  description = "August 1958: a commune in Macheng, Hubei, claims 36,956 jin of early rice per mu.",
  author = "Great Leap team",
}

--@@
-- People's communes: cooperatives merged into communes of thousands of
-- households, "the first sprouts of Communism" (seed; E05, E11, E14).
return {
  id = "communes",
  category = "agriculture",
  modifiers = {
    { lever = "incentive_mult", mul = 0.93 },   -- work no longer tied to one's own harvest
    { lever = "zeal_push", add = 0.10 },        -- cadres compete to equal "Sputnik"
  },
  sources = { "seed", "E05", "E11", "E14" },
}

--@@
return {
  ["event.macheng_rice.title"] = "An early-rice \"satellite\" in Macheng, August 1958",
  ["event.macheng_rice.text"] = "On 13 August 1958 the People's Daily put on its front page a claim from the Jianguo commune in Macheng county, Hubei: 36,956 jin of early rice from one mu. No field could grow a tenth of that. Hubei's cadres watch how the centre answers.",
  ["event.macheng_rice.option.front_page"] = "Celebrate it on the front page",
  ["event.macheng_rice.option.weigh_the_harvest"] = "Send someone to weigh the harvest",
}
