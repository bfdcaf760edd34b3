local function down(n) return 1 + down(n + 1) end
return {
  id = "h_recursion_lua",
  trigger = function(s) return down(1) end,
  options = { { id = "never" } },
}
