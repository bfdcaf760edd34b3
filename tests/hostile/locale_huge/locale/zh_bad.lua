return { [1] = "not a key", ["h_locale_huge.fn"] = print }
