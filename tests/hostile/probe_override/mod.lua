-- Hostile case: replacing error, pcall, tostring and friends in the mod's own environment
return { id = "h_probe_override", name = "Hostile: probe_override", version = "1.0.0", api_version = 1 }
