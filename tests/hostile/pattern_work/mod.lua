-- Hostile case: pattern functions made to do quadratic work: gsub backtracking, a plain find, %b scans
return { id = "h_pattern_work", name = "Hostile: pattern_work", version = "1.0.0", api_version = 1 }
