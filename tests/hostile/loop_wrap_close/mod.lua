-- Hostile case: a __close handler that loops, in a coroutine.wrap the limit stops
return { id = "h_loop_wrap_close", name = "Hostile: loop_wrap_close", version = "1.0.0", api_version = 1 }
