-- With the sparrows gone, locusts swarm over the fields (shapiro2001, E02).
return {
  id = "locusts",
  scope = "province",
  when = {
    date = "1959-03", mtth_months = 4,
    -- Swarms come sooner where the infestation is worst.
    modifiers = { { factor = 0.5, when = function(s, p) return p.pests > 0.5 end } },
  },
  trigger = function(s, p) return p.pests > 0.35 end,
  options = {
    { id = "fight_them_by_hand", historical = true,
      effects = function(s, fx, p) fx:adjust{ var = "pests", add = "locusts_pests_add", province = p.id } end },
    { id = "end_the_sparrow_campaign",
      effects = function(s, fx, p) fx:repeal("sparrow_campaign") end },
  },
  sources = { "shapiro2001", "E02" },
}
