local function refused(...)
  local ok, err = pcall(string.rep, ...)
  if ok then error("ESCAPE: string.rep made " .. #err .. " bytes") end
  return err
end
return {
  id = "h_memory_rep",
  trigger = function(s)
    refused("x", 2^40)
    refused("x", 2^30, ",")
    refused("abc", math.maxinteger)
    refused("", 2^40, "--")
    -- Empty pieces: Lua itself would loop 2^62 times writing nothing.
    assert(string.rep("", 2^62) == "" and ("").rep("", 2^62, "") == "")
    assert(#string.rep("ab", 3, ",") == 8)
    -- The method form goes through the same function.
    local ok = pcall(function() return ("y"):rep(2^40) end)
    if ok then error("ESCAPE: (\"y\"):rep(2^40)") end
    error(refused("x", 2^40))
  end,
  options = { { id = "never" } },
}
