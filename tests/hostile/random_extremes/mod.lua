-- Hostile case: math.random over ranges as wide as the integers
return { id = "h_random_extremes", name = "Hostile: random_extremes", version = "1.0.0", api_version = 1 }
