-- Hostile case: a version with a carriage return. Saves record each mod's
-- version on a line of their header: before issue 13, "1.0\r2" made every
-- save unloadable, even after the mod was removed.
return { id = "h_manifest_bad_version", name = "Hostile: manifest_bad_version", version = "1.0\r2", api_version = 1 }
