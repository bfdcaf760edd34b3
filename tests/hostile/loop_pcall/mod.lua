-- Hostile case: an endless loop that tries to swallow the limit error with pcall
return { id = "h_loop_pcall", name = "Hostile: loop_pcall", version = "1.0.0", api_version = 1 }
