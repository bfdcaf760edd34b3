-- Hostile case: an endless loop inside table.sort's comparator
return { id = "h_loop_sort", name = "Hostile: loop_sort", version = "1.0.0", api_version = 1 }
