local keep = require("lib.keep")
return {
  id = "h_view_stale_a",
  when = { date = "1958-01" },
  options = {
    { id = "keep", effects = function(s, fx)
        keep.s, keep.fx, keep.p = s, fx, s.provinces[1]
        keep.co = coroutine.wrap(function() while true do coroutine.yield(s.year) end end)
        keep.co()
      end },
  },
}
