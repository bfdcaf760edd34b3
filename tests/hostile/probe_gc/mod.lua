-- Hostile case: __gc tricks: finalizers that error, loop or resurrect
return { id = "h_probe_gc", name = "Hostile: probe_gc", version = "1.0.0", api_version = 1 }
