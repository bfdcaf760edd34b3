-- Hostile case: keeping the state view, a province view and fx past their call
return { id = "h_view_stale", name = "Hostile: view_stale", version = "1.0.0", api_version = 1 }
