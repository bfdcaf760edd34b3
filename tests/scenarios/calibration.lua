-- The calibration (issue 4): history's choices, seed 1, against the record.
-- Each test states its tolerance and its source; docs/calibration.md shows
-- the fit. Recorded values are copied here from assets/data/history (the
-- file and source id are named with each one).
--
-- Death rates are compared as the later official registers counted them
-- (year.registered_death_rate): the registers missed a share of the
-- famine's excess deaths (parameter registration_miss, derived from S01 and
-- S17 in assets/data/params.csv).

-- national.csv: crude death and birth rates (S01), early official grain
-- output in Mt (S04), procurement share in % (S03).
local CDR = { [1956] = 11.40, [1957] = 10.80, [1958] = 11.98, [1959] = 14.59, [1960] = 25.43, [1961] = 14.24,
              [1962] = 10.02 }
local GRAIN_MT = { [1958] = 200.0, [1959] = 170.0, [1960] = 143.5, [1961] = 147.5 }
local PROCUREMENT_SHARE = { [1958] = 25.9, [1959] = 37.7 }
-- national.csv: year-end population in millions (S01), for the floor below.
local POP_M = { [1958] = 659.94, [1959] = 672.07, [1960] = 662.07, [1961] = 658.59 }

local function run_history(t)
  t:advance_to("1962-12")
  return t:state()
end

return {
  { name = "registered death rate within 15% of the record each year 1958-1962 (S01)",
    run = function(t)
      local n = run_history(t).national
      for year = 1958, 1962 do
        t:near(n:year(year).registered_death_rate, CDR[year], 0.15, "death rate " .. year)
      end
    end },

  { name = "the death rate peaks in 1960 (S01)",
    run = function(t)
      local n = run_history(t).national
      for year = 1958, 1962 do
        if year ~= 1960 then
          t:expect(n:year(1960).crude_death_rate > n:year(year).crude_death_rate,
                   "%d's death rate %.1f is not below 1960's %.1f", year, n:year(year).crude_death_rate,
                   n:year(1960).crude_death_rate)
        end
      end
    end },

  { name = "the birth rate falls to its trough in 1961 and rebounds in 1962 (S01)",
    run = function(t)
      local n = run_history(t).national
      for year = 1958, 1962 do
        if year ~= 1961 then
          t:expect(n:year(1961).crude_birth_rate < n:year(year).crude_birth_rate,
                   "1961's birth rate %.1f is not below %d's %.1f", n:year(1961).crude_birth_rate, year,
                   n:year(year).crude_birth_rate)
        end
      end
      -- The record: 18.02 in 1961, 37.01 in 1962. At least a 30% rebound.
      t:expect(n:year(1962).crude_birth_rate > 1.3 * n:year(1961).crude_birth_rate,
               "1962's birth rate %.1f is not a rebound from 1961's %.1f", n:year(1962).crude_birth_rate,
               n:year(1961).crude_birth_rate)
    end },

  { name = "grain output within 10% of the early official series 1958-1961 (S04)",
    run = function(t)
      local n = run_history(t).national
      for year = 1958, 1961 do
        t:near(n:year(year).grain_actual_t / 1e6, GRAIN_MT[year], 0.10, "grain output " .. year)
      end
    end },

  { name = "procurement share rises from about 26% in 1958 to about 38% in 1959, within 4 points (S03)",
    run = function(t)
      local n = run_history(t).national
      for year = 1958, 1959 do
        local y = n:year(year)
        local share = 100 * y.procurement_t / y.grain_actual_t
        t:expect(math.abs(share - PROCUREMENT_SHARE[year]) <= 4, "%d procurement share %.1f%%, record %.1f%%",
                 year, share, PROCUREMENT_SHARE[year])
      end
    end },

  { name = "net grain exports in 1959-1960, net imports from 1961 (S04)",
    run = function(t)
      local n = run_history(t).national
      for year = 1959, 1960 do
        t:expect(n:year(year).exports_t > n:year(year).imports_t, "%d: net imports", year)
      end
      for year = 1961, 1962 do
        t:expect(n:year(year).imports_t > n:year(year).exports_t, "%d: net exports", year)
      end
    end },

  { name = "rural deaths far above urban in 1960: at least 1.8 times (S11: 28.58 against 13.77)",
    run = function(t)
      local y = run_history(t).national:year(1960)
      t:expect(y.rural_death_rate > 1.8 * y.urban_death_rate, "rural %.1f, urban %.1f per 1000",
               y.rural_death_rate, y.urban_death_rate)
    end },

  { name = "excess deaths 1959-1961 between the registered floor and 45 million (S01, S17)",
    run = function(t)
      local n = run_history(t).national
      local base = (CDR[1956] + CDR[1957]) / 2
      local excess, floor = 0, 0
      for year = 1959, 1961 do
        local y = n:year(year)
        local mid = (y.population + n:year(year - 1).population) / 2
        excess = excess + y.deaths - base / 1000 * mid
        floor = floor + (CDR[year] - base) / 1000 * (POP_M[year] + POP_M[year - 1]) / 2 * 1e6
      end
      -- The registered series gives about 14 M; the reconstructions 15-45 M
      -- (death_toll_estimates.csv).
      t:expect(excess >= floor and excess <= 45e6, "excess deaths %.1f M, floor %.1f M", excess / 1e6, floor / 1e6)
    end },

  { name = "Sichuan's famine lasts three years: registered death rate at least 1.5 times normal 1959-1961 (S14)",
    run = function(t)
      local p = run_history(t):province("sichuan")
      for year = 1959, 1961 do
        local y = p:year(year)
        t:expect(y.registered_death_rate > 1.5 * y.normal_death_rate, "%d: %.1f against a normal %.1f", year,
                 y.registered_death_rate, y.normal_death_rate)
      end
    end },

  { name = "Henan's sharp 1960 peak: at least 1.6 times 1959 and 1961 (S14: 2.8 and 3.9 times)",
    run = function(t)
      local p = run_history(t):province("henan")
      local peak = p:year(1960).registered_death_rate
      for _, year in ipairs({ 1959, 1961 }) do
        t:expect(peak > 1.6 * p:year(year).registered_death_rate, "1960: %.1f, %d: %.1f", peak, year,
                 p:year(year).registered_death_rate)
      end
    end },

  { name = "Sichuan's toll is the heaviest of the recorded provinces in 1960 (S14: Sichuan 54.0, Henan 39.6)",
    run = function(t)
      local s = run_history(t)
      t:expect(s:province("sichuan"):year(1960).registered_death_rate >
               s:province("henan"):year(1960).registered_death_rate, "Sichuan below Henan in 1960")
    end },
}
