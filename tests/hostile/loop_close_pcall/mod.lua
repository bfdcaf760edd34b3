-- Hostile case: a __close handler that loops, closed by a pcall inside the call
return { id = "h_loop_close_pcall", name = "Hostile: loop_close_pcall", version = "1.0.0", api_version = 1 }
