return { [("k"):rep(100000)] = "a key as long as a book" }
