-- "Go all out, aim high, build socialism with greater, faster, better and
-- more economical results" (E01).
return {
  id = "general_line",
  category = "politics",
  modifiers = {
    { lever = "political_pressure", add = "general_line_pressure_add" },
  },
  sources = { "E01" },
}
