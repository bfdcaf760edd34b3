-- Hostile case: an endless loop while the file loads
return { id = "h_loop_load", name = "Hostile: loop_load", version = "1.0.0", api_version = 1 }
