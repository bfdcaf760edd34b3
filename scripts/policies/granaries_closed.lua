-- State granaries kept closed; reports of hunger dismissed and "rich
-- peasants" accused of hiding grain (seed).
return {
  id = "granaries_closed",
  category = "procurement",
  modifiers = {
    { lever = "relief_share", mul = 0.3 },
  },
  sources = { "seed" },
}
