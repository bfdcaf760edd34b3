-- Hostile case: a locale file with twenty thousand tiny keys
return { id = "h_locale_many_keys", name = "Hostile: locale_many_keys", version = "1.0.0", api_version = 1 }
