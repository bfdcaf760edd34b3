-- Hostile case: an endless loop in a coroutine that coroutine.create makes in a province trigger
return { id = "h_lazy_loop_resume", name = "Hostile: lazy_loop_resume", version = "1.0.0", api_version = 1 }
