-- Hostile case: an endless loop in a coroutine a province trigger makes
return { id = "h_lazy_loop_coroutine", name = "Hostile: lazy_loop_coroutine", version = "1.0.0", api_version = 1 }
