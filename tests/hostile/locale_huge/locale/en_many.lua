-- Five thousand texts of a kilobyte: more text than a mod may keep.
local t = {}
for i = 1, 5000 do t["h_locale_huge.k" .. i] = ("t"):rep(1000) end
return t
