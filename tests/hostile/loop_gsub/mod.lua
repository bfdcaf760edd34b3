-- Hostile case: an endless loop inside a string.gsub replacement function
return { id = "h_loop_gsub", name = "Hostile: loop_gsub", version = "1.0.0", api_version = 1 }
