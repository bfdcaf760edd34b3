-- Hostile case: a table that grows until memory runs out
return { id = "h_memory_table", name = "Hostile: memory_table", version = "1.0.0", api_version = 1 }
