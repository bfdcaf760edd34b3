-- Hostile case: an endless loop inside an __index metamethod
return { id = "h_loop_index", name = "Hostile: loop_index", version = "1.0.0", api_version = 1 }
