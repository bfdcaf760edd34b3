-- A chain through setmetatable's cache of metatable snapshots: each
-- snapshot keeps the __index its metatable had when it was set, whose
-- upvalue is the next metatable; the metatable then drops it. Were the
-- cache weak in its keys only, it would be an ephemeron table holding a
-- chain: 30,000 links took 21 s to collect, inside one call, unseen by
-- the instruction count and the clock.
local N = 30000
return {
  id = "h_gc_snapshot_chain",
  trigger = function(s)
    local nxt = {}
    for i = 1, N do
      local later = nxt
      local mt = { __index = function() return later end }
      setmetatable({}, mt)
      mt.__index = nil
      nxt = mt
    end
    first = nxt
    collectgarbage()
    collectgarbage()
    error("snapshot chain collected")
  end,
  options = { { id = "never" } },
}
