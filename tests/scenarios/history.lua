-- Whole-run checks of history's choices (issue 2): the story the record
-- tells. Tolerances here are loose; the calibration tests state tighter ones.
-- Recorded figures: assets/data/history/national.csv (S01, S04).
return {
  { name = "the death rate of 1960 is far above 1957's",
    run = function(t)
      t:advance_to("1960-12")
      local y = t:state().national:year(1960)
      t:expect(y.crude_death_rate > 1.8 * 10.80, "1960 CDR %.2f is not far above 1957's 10.80 (S01)",
               y.crude_death_rate)
    end },

  { name = "the national death rate peaks in 1960",
    run = function(t)
      t:advance_to("1962-12")
      local n = t:state().national
      local peak, peak_year = -1, nil
      for year = 1958, 1962 do
        local cdr = n:year(year).crude_death_rate
        if cdr > peak then peak, peak_year = cdr, year end
      end
      t:expect(peak_year == 1960, "the death rate peaks in %d, not 1960", peak_year)
    end },

  { name = "reported harvests run above actual ones while the Leap lasts",
    run = function(t)
      t:advance_to("1959-12")
      local n = t:state().national
      for year = 1958, 1959 do
        local y = n:year(year)
        t:expect(y.grain_reported_t > 1.2 * y.grain_actual_t, "%d: reported %.0f t vs actual %.0f t", year,
                 y.grain_reported_t, y.grain_actual_t)
      end
    end },

  { name = "China exports grain in 1959-1960 and imports it from 1961",
    run = function(t)
      t:advance_to("1962-12")
      local n = t:state().national
      for year = 1959, 1960 do
        local y = n:year(year)
        t:expect(y.exports_t > y.imports_t, "%d: net imports, but history exported", year)
      end
      for year = 1961, 1962 do
        local y = n:year(year)
        t:expect(y.imports_t > y.exports_t, "%d: net exports, but history imported", year)
      end
    end },

  { name = "the countryside dies far faster than the cities in 1960",
    run = function(t)
      t:advance_to("1960-12")
      local y = t:state().national:year(1960)
      t:expect(y.rural_death_rate > 1.5 * y.urban_death_rate, "rural %.1f vs urban %.1f per 1000",
               y.rural_death_rate, y.urban_death_rate)
    end },
}
