-- Hostile case: unbounded Lua recursion
return { id = "h_recursion_lua", name = "Hostile: recursion_lua", version = "1.0.0", api_version = 1 }
