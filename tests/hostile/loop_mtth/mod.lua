-- Hostile case: an endless loop in an MTTH modifier's condition
return { id = "h_loop_mtth", name = "Hostile: loop_mtth", version = "1.0.0", api_version = 1 }
