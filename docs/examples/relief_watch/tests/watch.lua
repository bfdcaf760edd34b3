return {
  { name = "the hook counts hungry provinces every month",
    run = function(t)
      t:advance_to("1959-06")
      t:expect(type(storage.hungry) == "number", "on_month ran")
    end },
  { name = "the famine brings an inspection, and its relief is recalled",
    run = function(t)
      t:advance_to("1961-12")
      t:expect(storage.inspection ~= nil, "three provinces fell under the line and the chain fired")
      t:expect(not t:state():has_modifier("relief_watch_relief"), "the relief was recalled")
    end },
}
