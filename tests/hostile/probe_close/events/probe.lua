local kept
return {
  id = "h_probe_close",
  trigger = function(s)
    local ok, err = pcall(function()
      local a <close> = setmetatable({}, { __close = function(o, e) kept = o error("close failed") end })
      local b <close> = setmetatable({}, { __close = function(o, e) return "ignored" end })
      error("body failed")
    end)
    if ok then error("ESCAPE: errors vanished") end
    local c <close> = setmetatable({}, { __close = function() error("closing at the end") end })
    error("first: " .. tostring(err))
  end,
  options = { { id = "never" } },
}
