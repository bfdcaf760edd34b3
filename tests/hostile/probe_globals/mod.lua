-- Hostile case: reaching the real global table through _ENV, _G, getmetatable and friends
return { id = "h_probe_globals", name = "Hostile: probe_globals", version = "1.0.0", api_version = 1 }
