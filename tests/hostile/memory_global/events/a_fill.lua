-- Keeps almost all of the mod's memory for good.
hoard = {}
pcall(function()
  for i = 1, 1e9 do hoard[i] = ("x"):rep(4000) .. i end
end)
return {
  id = "h_memory_global",
  trigger = function(s) local t = {} for i = 1, 1e6 do t[i] = ("y"):rep(100) .. i end end,
  options = { { id = "never" } },
}
