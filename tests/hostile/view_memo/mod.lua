-- Hostile case: views read often in the month's search for due events keep
-- what they read (memo views); kept past their call, they must still raise
return { id = "h_view_memo", name = "Hostile: view_memo", version = "1.0.0", api_version = 1 }
