-- Lua 5.4 follows a chain of __call tables inside one instruction, moving
-- every argument at each step: minutes of work no hook can see.
return {
  id = "h_call_chain",
  trigger = function(s)
    local t = {}
    local ok, err = pcall(setmetatable, t, { __call = t })
    if ok then error("ESCAPE: a table __call was accepted") end
    -- Added after setmetatable: the object keeps the metatable it was given.
    local mt = {}
    setmetatable(t, mt)
    mt.__call = t
    rawset(mt, "__call", t)
    local ok2, err2 = pcall(t)
    if ok2 then error("ESCAPE: called") end
    error("refused: " .. err .. " / " .. err2)
  end,
  options = { { id = "never" } },
}
