return {
  id = "h_loop_sort",
  trigger = function(s)
    table.sort({ 3, 1, 2 }, function(a, b) while true do end end)
  end,
  options = { { id = "never" } },
}
