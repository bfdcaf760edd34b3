-- Hostile case: a manifest whose fields have the wrong types.
return { id = 42, name = {}, version = 1.5, api_version = "one", dependencies = "base", languages = 7 }
