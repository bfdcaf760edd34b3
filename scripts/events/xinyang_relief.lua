-- Early 1961: about 30,000 troops occupy Xinyang, open the state granaries
-- and arrest the prefectural leadership (E23). The relief is the
-- province's, for the prefecture's share of it.
return {
  id = "xinyang_relief",
  province = "henan",
  when = { date = "1961-01" },
  trigger = function(s) return s:event_fired("xinyang") end,
  options = {
    { id = "send_the_army", historical = true,
      effects = function(s, fx, p)
        local k = s:param("xinyang_share")
        fx:adjust{ var = "zeal", add = k * (s:param("xinyang_army_zeal") - p.zeal), province = p.id }
        fx:modifier{ lever = "relief_share", add = k * s:param("xinyang_army_relief_add"), province = p.id, months = 6 }
      end },
    { id = "leave_it_to_the_province" },
  },
  sources = { "E23" },
}
