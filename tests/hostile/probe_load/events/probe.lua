local function must_fail(what, ok, res)
  if ok and res ~= nil then error("ESCAPE: " .. what .. " gave " .. tostring(res)) end
end
return {
  id = "h_probe_load",
  trigger = function(s)
    -- A precompiled chunk (the header of a Lua 5.4 binary chunk).
    must_fail("binary", pcall(load, "\27LuaT\0\25\147\13\10\26\10\4\8\8\120\86\0\0\0\0\0\0\0\0\0\0\0\40\119\64"))
    must_fail("mode b", pcall(load, "return 1", "x", "b"))
    must_fail("mode bt", pcall(load, "return 1", "x", "bt"))
    must_fail("a reader function", pcall(load, function() return nil end))
    must_fail("string.dump", pcall(function() return string.dump(function() end) end))
    must_fail("dump as a method", pcall(function() return ("x").dump end))
    -- Custom environments give what they are given, and nothing else.
    local f = load("return io, os, debug, package, require, _G", "c", "t", {})
    for i, v in ipairs({ f() }) do must_fail("custom env value " .. i, true, v) end
    local leak = load("return getmetatable('').__index", "c", "t", { getmetatable = getmetatable })
    must_fail("string metatable through load", pcall(leak))
    local g = load("x = 1; return _ENV", "c", "t", setmetatable({}, { __index = function(t, k) return nil end }))
    must_fail("env metamethods", true, g().io)
    -- A chunk cannot climb out of its environment with _ENV tricks.
    local h = load("local _ENV <const> = {} return _ENV")
    must_fail("const _ENV", true, h().io)
    -- A huge chunk is paid for, then refused by the limit.
    local big = "return 1 --" .. ("x"):rep(1000000)
    for i = 1, 1e6 do load(big) end
    error("ESCAPE: a million loads of a 1 MB chunk ran")
  end,
  options = { { id = "never" } },
}
