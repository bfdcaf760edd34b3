-- Hostile case: an endless loop in one of a month's many fires (a run of fires starts without counting instructions)
return { id = "h_lazy_loop_effect", name = "Hostile: lazy_loop_effect", version = "1.0.0", api_version = 1 }
