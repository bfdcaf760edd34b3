-- State granaries kept closed; reports of hunger dismissed and "rich
-- peasants" accused of hiding grain (becker1996, bernstein1984).
return {
  id = "granaries_closed",
  category = "procurement",
  modifiers = {
    { lever = "relief_share", mul = "granaries_closed_relief_mult" },
  },
  sources = { "becker1996", "bernstein1984" },
}
