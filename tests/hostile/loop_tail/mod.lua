-- Hostile case: endless tail calls and mutual recursion that never grow the stack
return { id = "h_loop_tail", name = "Hostile: loop_tail", version = "1.0.0", api_version = 1 }
