-- Hostile case: coroutines resuming coroutines without end
return { id = "h_coroutine_nesting", name = "Hostile: coroutine_nesting", version = "1.0.0", api_version = 1 }
