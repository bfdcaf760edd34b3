-- Hostile case: a table whose __call is a table: Lua loops in C, quadratically
return { id = "h_call_chain", name = "Hostile: call_chain", version = "1.0.0", api_version = 1 }
