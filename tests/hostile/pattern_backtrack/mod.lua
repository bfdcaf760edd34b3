-- Hostile case: patterns that backtrack exponentially (find, match, gmatch)
return { id = "h_pattern_backtrack", name = "Hostile: pattern_backtrack", version = "1.0.0", api_version = 1 }
