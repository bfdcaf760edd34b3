-- Hostile case: error objects that are not strings: tables, nil, numbers, and __tostring that fails
return { id = "h_error_objects", name = "Hostile: error_objects", version = "1.0.0", api_version = 1 }
