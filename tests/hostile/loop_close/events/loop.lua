local closer = setmetatable({}, { __close = function() while true do end end })
return {
  id = "h_loop_close",
  trigger = function(s)
    local guard <close> = closer
    local again <close> = closer
    while true do end
  end,
  options = { { id = "never" } },
}
