-- Hostile case: an endless loop in xpcall's message handler
return { id = "h_loop_handler", name = "Hostile: loop_handler", version = "1.0.0", api_version = 1 }
