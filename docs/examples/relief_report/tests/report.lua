return {
  { name = "the report reads relief_watch's count, and fires in a December with provinces under the line",
    run = function(t)
      t:advance_to("1960-12")
      t:expect(t:state():event_fired("relief_report_year"), "no report by December 1960")
    end },
}
