-- Hostile case: __close handlers that error, swallow errors or keep their object
return { id = "h_probe_close", name = "Hostile: probe_close", version = "1.0.0", api_version = 1 }
