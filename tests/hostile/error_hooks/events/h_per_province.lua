return {
  id = "h_error_hooks_province",
  scope = "province",
  trigger = function(s, p) if p.id then error("province trigger failed in " .. p.id) end end,
  options = { { id = "never" } },
}
