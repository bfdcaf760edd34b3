-- Hostile case: locale files with huge texts, huge keys, too much text, a looping __index
return { id = "h_locale_huge", name = "Hostile: locale_huge", version = "1.0.0", api_version = 1 }
