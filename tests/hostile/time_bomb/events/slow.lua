-- Each comparison walks 8 MB inside one instruction; only the clock sees it.
return {
  id = "h_time_bomb",
  trigger = function(s)
    local a = ("x"):rep(8000000)
    local b = a:sub(1, -2) .. "y"
    local n = 0
    while true do
      if a < b then n = n + 1 end
    end
  end,
  options = { { id = "never" } },
}
