-- Hostile case: an endless loop inside an __eq metamethod
return { id = "h_loop_eq", name = "Hostile: loop_eq", version = "1.0.0", api_version = 1 }
