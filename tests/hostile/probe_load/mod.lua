-- Hostile case: load with binary chunks, other modes and custom environments; string.dump
return { id = "h_probe_load", name = "Hostile: probe_load", version = "1.0.0", api_version = 1 }
