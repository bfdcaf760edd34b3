-- "Go all out, aim high, build socialism with greater, faster, better and
-- more economical results" (E01).
return {
  id = "general_line",
  category = "politics",
  modifiers = {
    { lever = "political_pressure", add = 0.20 },
  },
  sources = { "E01" },
}
