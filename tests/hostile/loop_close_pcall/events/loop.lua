return {
  id = "h_loop_close_pcall",
  trigger = function(s)
    pcall(function()
      local guard <close> = setmetatable({}, { __close = function() while true do end end })
      while true do end
    end)
    error("ESCAPE: the call went on after its limit")
  end,
  options = { { id = "never" } },
}
