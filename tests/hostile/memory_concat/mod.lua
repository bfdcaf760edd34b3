-- Hostile case: a string that doubles until memory runs out
return { id = "h_memory_concat", name = "Hostile: memory_concat", version = "1.0.0", api_version = 1 }
