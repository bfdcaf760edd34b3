local function refused(what, f)
  if pcall(f) then error("ESCAPE: " .. what) end
end
return {
  id = "h_probe_api_tables",
  when = { date = "1958-01" },
  options = {
    { id = "probe", effects = function(s, fx)
        refused("gl.levers = f", function() gl.levers = function() return {} end end)
        refused("gl.api_version = 2", function() gl.api_version = 2 end)
        refused("setmetatable(gl)", function() setmetatable(gl, {}) end)
        refused("setmetatable(s)", function() setmetatable(s, {}) end)
        refused("s.year = 0", function() s.year = 0 end)
        refused("s.national.population = 0", function() s.national.population = 0 end)
        refused("fx.enact = nil", function() fx.enact = nil end)
        refused("rawset(s)", function() rawset(s, "year", 0) end)
        refused("rawset(fx)", function() rawset(fx, "enact", print) end)
        refused("getmetatable(fx).__index", function() return getmetatable(fx).__index end)
        refused("province view", function() s.provinces[1].population = 1 end)
        -- rawset on this file's proxy of gl changes only this file's view.
        rawset(gl, "levers", function() return { "fake" } end)
        rawset(string, "rep", nil)
        rawset(table, "concat", nil)
        if gl.levers()[1] ~= "fake" then error("rawset on the proxy did not apply here") end
        error("api table probes contained")
      end },
  },
}
