ran = 0
local looping = function() ran = ran + 1 while true do end end
return {
  id = "h_probe_gc",
  trigger = function(s)
    if pcall(setmetatable, {}, { __gc = looping }) then error("ESCAPE: __gc accepted") end
    -- Added after setmetatable: Lua never marks the object for finalization.
    local mt = {}
    local t = setmetatable({}, mt)
    mt.__gc = looping
    rawset(mt, "__gc", function() ran = ran + 1 error("boom") end)
    -- Through __index on the metatable: finalizers are looked up raw.
    setmetatable({}, setmetatable({}, { __index = { __gc = looping } }))
    -- Resurrection: a finalizer would store its object in a global.
    setmetatable({}, setmetatable({}, { __index = function(_, k) if k == "__gc" then return function(o) keep = o end end end }))
    t, mt = nil, nil
    collectgarbage()
    collectgarbage()
    if ran ~= 0 or keep then error("ESCAPE: a finalizer ran") end
    error("gc probes contained")
  end,
  options = { { id = "never" } },
}
