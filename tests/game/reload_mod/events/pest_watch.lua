-- A per-province event whose trigger has two clauses, for game_explain_event.
return {
  id = "pest_watch",
  scope = "province",
  when = { date = "1962-12" },
  trigger = function(s, p) return p.pests > 0.35 and s.year >= 1959 end,
  options = {
    { id = "count_them", historical = true,
      effects = function(s, fx, p) storage.counted = (storage.counted or 0) + 1 end },
    { id = "ignore_them" },
  },
  sources = { "docs/model.md" },
}
