-- Hostile case: a hook that yields instead of returning
return { id = "h_coroutine_yield_top", name = "Hostile: coroutine_yield_top", version = "1.0.0", api_version = 1 }
