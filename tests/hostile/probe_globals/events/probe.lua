local function never(what, v)
  if v ~= nil and v ~= false then error("ESCAPE: " .. what .. " gave " .. tostring(v)) end
end
return {
  id = "h_probe_globals",
  trigger = function(s)
    never("getmetatable('')", getmetatable(""))
    never("getmetatable(_G)", getmetatable(_G))
    never("getmetatable(gl)", getmetatable(gl))
    never("getmetatable(s)", getmetatable(s))
    never("getmetatable(string)", getmetatable(string))
    never("_G._G ~= _G", _G._G ~= _G)
    never("_ENV ~= _G", _ENV ~= _G)
    never("io in _G", pcall(function() return rawget(_G, "io").open end))
    never("next over gl", next(gl))
    never("pairs over gl", pairs(gl)(gl))
    never("gl's metatable", pcall(function() return getmetatable(gl).__index end) and getmetatable(gl).__index)
    never("string's real table", pcall(function() return getmetatable("x").__index end))
    never("the registry", rawget(_G, "_REGISTRY") or pcall(function() return rawget(_G, "debug").getregistry end))
    -- The functions in this env are the sandbox's, not the real ones.
    local ok = pcall(collectgarbage, "stop")
    never("collectgarbage('stop')", ok)
    local ok2 = pcall(setmetatable, {}, { __gc = function() end })
    never("setmetatable with __gc", ok2)
    -- A coroutine's environment is the same env.
    local co = coroutine.wrap(function() return _ENV == _G end)
    never("coroutine env", not co())
    error("global probes contained")
  end,
  options = { { id = "never" } },
}
