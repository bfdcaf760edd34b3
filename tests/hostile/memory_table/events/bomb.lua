return {
  id = "h_memory_table",
  trigger = function(s)
    local t = {}
    for i = 1, 1e9 do t[i] = { i, i, i, i } end
  end,
  options = { { id = "never" } },
}
