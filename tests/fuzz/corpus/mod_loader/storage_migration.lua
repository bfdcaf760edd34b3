return {
  id = "keeps",
  once = false,
  trigger = function(s)
    local lib = require("lib.m")
    storage.n = (storage.n or 0) + 1
    storage.big = { math.maxinteger, math.mininteger, 1 << 62, 0.1, -0.0, 1/0, "\0\r\n" }
    storage.nested = { a = { b = { c = { "deep" } } }, [true] = false, [2.5] = "x" }
    lib.note(s.year)
    return storage.n < 3
  end,
  options = { { id = "ok", effects = function(s, fx) storage.chosen = "ok" end } },
}
--@@
return { id = "fuzz", name = "Fuzz", version = "1.0.0", api_version = 1 }
--@@
return { id = "keeper_policy", on_month = function(s, fx) storage.months = (storage.months or 0) + 1 end }
--@@
return { ["event.keeps.title"] = "Keeps" }
--@@
return { id = "s", start = "1958-01", data = { params = "assets/data/params.csv", provinces = "assets/data/provinces.csv" } }
--@@
local M = {}
function M.note(y) storage.years = storage.years or {} table.insert(storage.years, y) end
return M
--@@
return { id = "unused", options = { { id = "a" } } }
--@@
return { ["event.keeps.title"] = "留" }
--@@
-- 001: the years become a count
return function(st)
  st.year_count = #(st.years or {})
  st.years = nil
end
