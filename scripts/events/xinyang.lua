-- October 1959 to April 1960, Xinyang prefecture, Henan: grain taken by the
-- local government, peasants prevented from fleeing; about a million die
-- in a prefecture of 8.5 million (E18, E19). Xinyang is a sixth of Henan
-- (xinyang_share): its seizures and its relief weigh on the province in
-- that proportion.
return {
  id = "xinyang",
  province = "henan",
  when = { date = "1959-10", ["until"] = "1960-06" },
  trigger = function(s, p) return p.zeal > 0.5 end,
  options = {
    { id = "meet_the_quota", historical = true,
      effects = function(s, fx, p)
        local k = s:param("xinyang_share")
        fx:modifier{ lever = "seed_grain_taken", add = k * s:param("xinyang_seed_add"), province = p.id, months = 6 }
        fx:modifier{ lever = "procurement_rate", add = k * s:param("xinyang_procurement_add"), province = p.id, months = 6 }
        fx:modifier{ lever = "concealment", add = k * s:param("xinyang_concealment_add"), province = p.id, months = 24 }
      end },
    { id = "stop_the_seizures",
      effects = function(s, fx, p)
        local k = s:param("xinyang_share")
        fx:modifier{ lever = "relief_share", add = k * s:param("xinyang_relief_add"), province = p.id, months = 6 }
        fx:adjust{ var = "zeal", add = k * s:param("xinyang_stop_zeal"), province = p.id }
      end },
  },
  sources = { "E18", "E19" },
}
