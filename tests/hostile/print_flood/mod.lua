-- Hostile case: print() in a loop with huge lines
return { id = "h_print_flood", name = "Hostile: print_flood", version = "1.0.0", api_version = 1 }
