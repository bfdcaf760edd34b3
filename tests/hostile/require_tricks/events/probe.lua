local function fails(name)
  local ok, err = pcall(require, name)
  if ok then error("ESCAPE: require('" .. tostring(name) .. "') worked") end
  return err
end
return {
  id = "h_require_tricks",
  trigger = function(s)
    fails("lib.cycle_a")
    fails("lib.fails")
    fails("lib.fails")
    fails(("a."):rep(100000) .. "b")
    fails("lib/../../../etc/passwd")
    fails("lib..x")
    fails(".lib")
    fails("lib.")
    fails("")
    fails("lib.cycle_a\0.so")
    fails(42)
    fails({})
    require("lib.loops")
  end,
  options = { { id = "never" } },
}
