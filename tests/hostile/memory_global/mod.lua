-- Hostile case: a file that fills the mod's memory at load time, so every later call runs out
return { id = "h_memory_global", name = "Hostile: memory_global", version = "1.0.0", api_version = 1 }
