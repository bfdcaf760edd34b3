return { ["h_locale_huge.text"] = ("x"):rep(1000000) }
