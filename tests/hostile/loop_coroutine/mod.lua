-- Hostile case: an endless loop inside a coroutine
return { id = "h_loop_coroutine", name = "Hostile: loop_coroutine", version = "1.0.0", api_version = 1 }
