-- Twenty thousand tiny keys: each insert into the sorted table moves
-- the ones after it, so their number is capped too.
local t = {}
for i = 1, 20000 do t["t" .. i] = "" end
return t
