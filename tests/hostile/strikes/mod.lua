-- Hostile case: many looping hooks: after three limits the whole mod is disabled
return { id = "h_strikes", name = "Hostile: strikes", version = "1.0.0", api_version = 1 }
