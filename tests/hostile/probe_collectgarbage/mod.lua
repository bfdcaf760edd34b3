-- Hostile case: collectgarbage with every option, and in a loop on a big heap
return { id = "h_probe_collectgarbage", name = "Hostile: probe_collectgarbage", version = "1.0.0", api_version = 1 }
