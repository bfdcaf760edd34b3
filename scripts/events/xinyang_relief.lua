-- Early 1961: about 30,000 troops occupy Xinyang, open the state granaries
-- and arrest the prefectural leadership (E23).
return {
  id = "xinyang_relief",
  province = "henan",
  when = { date = "1961-01" },
  trigger = function(s) return s:event_fired("xinyang") end,
  options = {
    { id = "send_the_army", historical = true,
      effects = function(s, fx, p)
        fx:adjust{ var = "zeal", set = 0.2, province = p.id }
        fx:modifier{ lever = "relief_share", add = 0.2, months = 6 }
      end },
    { id = "leave_it_to_the_province" },
  },
  sources = { "E23" },
}
