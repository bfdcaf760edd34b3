-- Every attempt must fail; one that works raises "ESCAPE".
local function refused(what, f, ...)
  local ok, res = pcall(f, ...)
  if ok and res ~= nil then error("ESCAPE: " .. what .. " gave " .. tostring(res)) end
end
return {
  id = "h_probe_libs",
  trigger = function(s)
    refused("io.open", function() return io.open("/etc/passwd") end)
    refused("io.lines", function() return io.lines("/etc/passwd") end)
    refused("io.popen", function() return io.popen("id") end)
    refused("os.execute", function() return os.execute("true") end)
    refused("os.getenv", function() return os.getenv("HOME") end)
    refused("os.remove", function() return os.remove("/tmp/x") end)
    refused("os.exit", function() return os.exit(1) end)
    refused("os.time", function() return os.time() end)
    refused("debug.getregistry", function() return debug.getregistry() end)
    refused("debug.sethook", function() return debug.sethook() end)
    refused("debug.getinfo", function() return debug.getinfo(1) end)
    refused("package.loadlib", function() return package.loadlib("libc.so.6", "system") end)
    refused("package.loaded", function() return package.loaded end)
    refused("package.cpath", function() return package.cpath end)
    refused("require os", require, "os")
    refused("require io", require, "io")
    refused("require debug", require, "debug")
    refused("require a C module", require, "socket.core")
    refused("require a path", require, "../../../../etc/passwd")
    refused("require an absolute path", require, "/etc/passwd")
    refused("require the base game", require, "scripts.mod")
    refused("dofile", dofile, "/etc/passwd")
    refused("loadfile", loadfile, "/etc/passwd")
    refused("rawget io", function() return rawget(io, "open") end)
    refused("io via _G", function() return _G.io.open end)
    refused("io via _ENV", function() return _ENV["io"]["stdout"] end)
    refused("setting io", function() io.open = print return io.open end)
    error("library probes contained")
  end,
  options = { { id = "never" } },
}
