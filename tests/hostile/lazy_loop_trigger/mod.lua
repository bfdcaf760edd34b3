-- Hostile case: an endless loop in a trigger run in every province (the month's triggers start without counting instructions)
return { id = "h_lazy_loop_trigger", name = "Hostile: lazy_loop_trigger", version = "1.0.0", api_version = 1 }
