-- Hostile case: a chain of weak-key tables (ephemerons) that makes every collection quadratic
return { id = "h_gc_weak_keys", name = "Hostile: gc_weak_keys", version = "1.0.0", api_version = 1 }
