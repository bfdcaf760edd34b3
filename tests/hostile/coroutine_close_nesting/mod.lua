-- Hostile case: __close handlers that close suspended coroutines, nested (crashes Lua 5.4.4)
return { id = "h_coroutine_close_nesting", name = "Hostile: coroutine_close_nesting", version = "1.0.0", api_version = 1 }
