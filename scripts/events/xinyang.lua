-- October 1959 to April 1960, Xinyang prefecture, Henan: grain taken by the
-- local government, peasants prevented from fleeing; about a million die
-- in a prefecture of 8.5 million (E18, E19).
return {
  id = "xinyang",
  province = "henan",
  when = { date = "1959-10", ["until"] = "1960-06" },
  trigger = function(s, p) return p.zeal > 0.5 end,
  options = {
    { id = "meet_the_quota", historical = true,
      effects = function(s, fx, p)
        fx:modifier{ lever = "seed_grain_taken", add = 0.5, province = p.id, months = 6 }
        fx:modifier{ lever = "procurement_rate", add = 0.06, province = p.id, months = 6 }
        fx:modifier{ lever = "concealment", add = 0.3, province = p.id, months = 24 }
      end },
    { id = "stop_the_seizures",
      effects = function(s, fx, p)
        fx:modifier{ lever = "relief_share", add = 0.3, months = 6 }
        fx:adjust{ var = "zeal", add = -0.3, province = p.id }
      end },
  },
  sources = { "E18", "E19" },
}
