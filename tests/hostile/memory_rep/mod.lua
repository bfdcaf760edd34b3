-- Hostile case: string.rep bombs, with and without a separator, and over empty pieces
return { id = "h_memory_rep", name = "Hostile: memory_rep", version = "1.0.0", api_version = 1 }
