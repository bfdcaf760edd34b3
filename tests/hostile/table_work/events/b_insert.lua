-- __len says the table is huge; insert at 1 would shift every slot.
local liar = setmetatable({}, { __len = function() return 2^62 end })
return {
  id = "h_table_work_insert",
  trigger = function(s) table.insert(liar, 1, "x") end,
  options = { { id = "never" } },
}
