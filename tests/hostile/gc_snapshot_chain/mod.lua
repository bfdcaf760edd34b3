-- Hostile case: a chain of ephemerons through the sandbox's own cache of metatables
return { id = "h_gc_snapshot_chain", name = "Hostile: gc_snapshot_chain", version = "1.0.0", api_version = 1 }
