local function fails(what, f)
  if pcall(f) then error("ESCAPE: " .. what) end
end
return {
  id = "h_table_work_checks",
  trigger = function(s)
    fails("sort of 2^40", function() table.sort(setmetatable({}, { __len = function() return 2^40 end })) end)
    fails("concat of a missing range", function() return table.concat({}, "", 1, 2^40) end)
    fails("unpack of ten million", function() return table.unpack({}, 1, 1e7) end)
    fails("remove far away", function() return table.remove({}, 2^40) end)
    error("table checks contained")
  end,
  options = { { id = "never" } },
}
