-- Hostile case: errors thrown from every kind of hook
return { id = "h_error_hooks", name = "Hostile: error_hooks", version = "1.0.0", api_version = 1 }
