-- Hostile case: closing, in a later call, a coroutine the limit stopped
return { id = "h_close_killed", name = "Hostile: close_killed", version = "1.0.0", api_version = 1 }
