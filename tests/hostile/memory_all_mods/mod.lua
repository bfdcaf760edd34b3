-- Hostile case: a mod within its own memory cap that would take all mods together past theirs
return { id = "h_memory_all_mods", name = "Hostile: memory_all_mods", version = "1.0.0", api_version = 1 }
