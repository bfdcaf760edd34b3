local bad = {
  "[a", "%", "(()", "%b", "%ba", "%f", "%fa", "%1", "(%1)", "%0", "((a)", "a)", "[%", "[^", "%g%",
  ("("):rep(40) .. "a" .. (")"):rep(40), ("(a)"):rep(33), "[" .. ("a"):rep(100000),
}
local count = 0
return {
  id = "h_pattern_malformed",
  trigger = function(s)
    for _, p in ipairs(bad) do
      for _, f in ipairs({ string.find, string.match, string.gsub }) do
        local ok = pcall(f, "some (text) a", p, "x")
        if not ok then count = count + 1 end
      end
      local ok = pcall(function() for w in ("some text"):gmatch(p) do end end)
      if not ok then count = count + 1 end
    end
    for _, r in ipairs({ "%", "%2", "%x", "%%%" }) do
      if pcall(string.gsub, "abc", "b", r) then error("ESCAPE: bad replacement " .. r .. " accepted") end
    end
    if pcall(string.gsub, "abc", "b", true) then error("ESCAPE: a boolean replacement") end
    if pcall(string.gsub, "abc", "(b)", { b = {} }) then error("ESCAPE: a table value as replacement") end
    -- The library still works after all that.
    assert(("hello world"):gsub("o", "0") == "hell0 w0rld")
    assert(select(2, ("a,b,,c"):gsub(",", ";")) == 3)
    assert(("key = value"):match("^(%w+)%s*=%s*(%w+)$") == "key")
    assert(("THE (quick) fox"):find("%((%a+)%)") == 5)
    assert(("f(a(b)c)d"):match("%b()") == "(a(b)c)")
    assert(("THE quick"):gsub("%f[%a]%a+", "w") == "w w")
    local n = 0 for a, b in ("k1=v1, k2=v2"):gmatch("(%w+)=(%w+)") do n = n + 1 end assert(n == 2)
    assert(("abc"):gsub("", "-") == "-a-b-c-")
    assert(("hello"):find("l", 1, true) == 3 and ("a.b"):find(".", 1, true) == 2)
    assert(("x"):rep(3, ", ") == "x, x, x")
    error(count .. " malformed patterns refused")
  end,
  options = { { id = "never" } },
}
