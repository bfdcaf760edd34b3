-- Each mod may use 64 MiB here, and all of them together 40 MiB: this mod
-- keeps 12 MiB more every month. With 16 mods of 48 MiB a game reached
-- 860 MB before the cap on all mods together.
return {
  id = "h_memory_all_mods",
  trigger = function(s)
    hoard = hoard or {}
    for i = 1, 12 do hoard[#hoard + 1] = ("x"):rep(1 << 20) .. i end
    return false
  end,
  options = { { id = "never" } },
}
