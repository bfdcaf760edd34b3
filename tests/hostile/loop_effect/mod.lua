-- Hostile case: an endless loop in an option's effects
return { id = "h_loop_effect", name = "Hostile: loop_effect", version = "1.0.0", api_version = 1 }
