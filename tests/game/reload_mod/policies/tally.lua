-- A policy whose monthly hook keeps a counter in storage; the file also
-- defines on_reload, which the game calls after every successful reload.
function on_reload()
  storage.reloads = (storage.reloads or 0) + 1
end

return {
  id = "tally",
  category = "other",
  modifiers = {
    { lever = "zeal_push", add = 0.01 },
  },
  on_month = function(s, fx) storage.months = (storage.months or 0) + 1 end,
  sources = { "docs/model.md" },
}
