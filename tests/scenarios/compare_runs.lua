-- Two runs in one test (t:fresh): a choice against history, compared month
-- by month. The second game begins as the test's did and is driven by the
-- `t` that t:fresh returns.

return {
  { name = "quotas on recounted harvests leave fewer dead in 1960 than history's (two runs compared)",
    run = function(t)
      local recount = t:fresh()
      recount:choose("harvest_claims", "order_a_recount")
      t:advance_to("1960-12")
      recount:advance_to("1960-12")
      -- read one game's figures before asking for the other's state
      local history = t:state().national:year(1960).deaths
      local other = recount:state().national:year(1960).deaths
      t:expect(other < history, "a recount gives %d deaths in 1960 against history's %d", other, history)
      t:expect(recount:state():event_choice("harvest_claims") == "order_a_recount", "the forced option")
      t:expect(t:state():event_choice("harvest_claims") ~= "order_a_recount", "history's game kept its own option")
    end },

  { name = "a fresh game begins where the test's began, and the two stay identical when driven alike",
    run = function(t)
      t:advance_to("1959-06")
      local same = t:fresh()
      t:expect(same:state().month_index == 0, "the fresh game begins at the first month, not at %d",
               same:state().month_index)
      same:advance_to("1959-06")
      local a = same:state().national:year(1958).deaths
      local b = t:state().national:year(1958).deaths
      t:expect(a == b, "same seed and choices, same 1958: %d and %d", a, b)
    end },

  { name = "a view of one game goes stale when the other's state is taken",
    run = function(t)
      local other = t:fresh()
      local view = t:state()
      other:state()
      local ok = pcall(function() return view.month_index end)
      t:expect(not ok, "the first game's view still read after the second's was taken")
    end },
}
