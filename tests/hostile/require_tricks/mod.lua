-- Hostile case: require: cycles, huge and odd names, a module that loops or fails
return { id = "h_require_tricks", name = "Hostile: require_tricks", version = "1.0.0", api_version = 1 }
