-- Hostile case: an endless loop in an event's trigger
return { id = "h_loop_trigger", name = "Hostile: loop_trigger", version = "1.0.0", api_version = 1 }
