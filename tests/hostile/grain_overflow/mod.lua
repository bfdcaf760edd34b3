-- Hostile case: importing more grain each month than a 64-bit counter holds
return { id = "h_grain_overflow", name = "Hostile: grain_overflow", version = "1.0.0", api_version = 1 }
