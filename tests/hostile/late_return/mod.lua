-- Hostile case: a call that overruns its time between two checks of the clock and returns
return { id = "h_late_return", name = "Hostile: late_return", version = "1.0.0", api_version = 1 }
