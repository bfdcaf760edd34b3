-- Hostile case: malformed patterns and replacement strings
return { id = "h_pattern_malformed", name = "Hostile: pattern_malformed", version = "1.0.0", api_version = 1 }
