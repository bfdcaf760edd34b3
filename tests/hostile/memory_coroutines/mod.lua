-- Hostile case: thousands of coroutines kept alive
return { id = "h_memory_coroutines", name = "Hostile: memory_coroutines", version = "1.0.0", api_version = 1 }
