-- Hostile case: table functions made to walk ranges of 2^62 slots: move, insert with a lying __len
return { id = "h_table_work", name = "Hostile: table_work", version = "1.0.0", api_version = 1 }
