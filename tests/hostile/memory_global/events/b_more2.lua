return {
  id = "h_memory_global_2",
  trigger = function(s) local t = {} for i = 1, 1e6 do t[i] = { i } end end,
  options = { { id = "never" } },
}
