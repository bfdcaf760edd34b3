return {
  id = "h_print_flood",
  trigger = function(s)
    local line = ("spam "):rep(100000)
    for i = 1, 1e9 do print(i, line) end
  end,
  options = { { id = "never" } },
}
