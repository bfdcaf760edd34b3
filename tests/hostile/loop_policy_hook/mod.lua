-- Hostile case: an endless loop in a policy's monthly hook
return { id = "h_loop_policy_hook", name = "Hostile: loop_policy_hook", version = "1.0.0", api_version = 1 }
