-- Hostile case: recursion through metamethods (__index, __tostring, __concat, __lt)
return { id = "h_recursion_meta", name = "Hostile: recursion_meta", version = "1.0.0", api_version = 1 }
