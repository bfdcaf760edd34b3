-- Hostile case: an endless loop in a pcall, in a province trigger
return { id = "h_lazy_loop_pcall", name = "Hostile: lazy_loop_pcall", version = "1.0.0", api_version = 1 }
