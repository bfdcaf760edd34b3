-- Hostile case: rawset and assignments on the API tables, the state view and fx
return { id = "h_probe_api_tables", name = "Hostile: probe_api_tables", version = "1.0.0", api_version = 1 }
