return {
  id = "h_random_extremes",
  trigger = function(s)
    local ranges = { { math.mininteger, math.maxinteger }, { math.mininteger, 0 }, { -1, math.maxinteger },
                     { math.maxinteger, math.maxinteger }, { math.mininteger, math.mininteger }, { 0, 2^53 } }
    for _, r in ipairs(ranges) do
      for i = 1, 1000 do
        local x = math.random(r[1], r[2])
        if math.type(x) ~= "integer" or x < r[1] or x > r[2] then error("ESCAPE: math.random out of range: " .. tostring(x)) end
      end
    end
    local u = math.random()
    if not (u >= 0 and u < 1) then error("ESCAPE: math.random() = " .. u) end
    for _, bad in ipairs({ { 2, 1 }, { 0.5 }, { 0/0 }, { 1/0 }, { 1, 2, 3 } }) do
      if pcall(math.random, table.unpack(bad)) then error("ESCAPE: math.random accepted bad arguments") end
    end
    if pcall(math.randomseed, 42) then error("ESCAPE: math.randomseed ran") end
    error("random probes contained")
  end,
  options = { { id = "never" } },
}
