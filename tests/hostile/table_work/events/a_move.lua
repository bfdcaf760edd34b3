-- Lua itself would loop 2^63 times inside one call.
return {
  id = "h_table_work_move",
  trigger = function(s) table.move({}, 1, math.maxinteger - 1, 2) end,
  options = { { id = "never" } },
}
