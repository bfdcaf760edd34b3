-- Hostile case: work in C that no instruction count sees: comparing long strings in a loop
return { id = "h_time_bomb", name = "Hostile: time_bomb", version = "1.0.0", api_version = 1 }
