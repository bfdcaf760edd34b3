-- 100,000 weak-key tables laid out so that each pass of the collector's
-- ephemeron convergence resolves two links: before issue 13 every
-- collection of this mod's state took a minute, with no error. Weak-key
-- tables are refused by setmetatable.
local N = 100000
return {
  id = "h_gc_weak_keys",
  trigger = function(s)
    local tables, keys = {}, {}
    for i = 1, N + 1 do keys[i] = {} end
    for i = 1, N do tables[i] = setmetatable({}, { __mode = "k" }) end
    local lo, hi = 1, N
    for i = 1, N do
      local at
      if i % 2 == 1 then at = lo; lo = lo + 1 else at = hi; hi = hi - 1 end
      tables[at][keys[i]] = keys[i + 1]
    end
    chain = { tables = tables, first = keys[1] }
    return false
  end,
  options = { { id = "never" } },
}
