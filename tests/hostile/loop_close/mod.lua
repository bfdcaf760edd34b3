-- Hostile case: an endless loop in a __close handler, run while the limit error unwinds
return { id = "h_loop_close", name = "Hostile: loop_close", version = "1.0.0", api_version = 1 }
