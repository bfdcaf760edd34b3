-- Hostile case: a chain of pcalls as deep as Lua allows, then more
return { id = "h_recursion_pcall", name = "Hostile: recursion_pcall", version = "1.0.0", api_version = 1 }
