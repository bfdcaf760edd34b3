local depth = 0
local function nest()
  depth = depth + 1
  pcall(nest)
  pcall(pcall, pcall, pcall, nest)
end
return {
  id = "h_recursion_pcall",
  trigger = function(s)
    nest()
    error("the pcall chain came back after " .. depth .. " calls")
  end,
  options = { { id = "never" } },
}
