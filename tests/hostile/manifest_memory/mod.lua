-- Hostile case: a manifest that fills memory.
local t = {}
for i = 1, 1e9 do t[i] = ("m"):rep(100000) .. i end
return { id = "h_manifest_memory", api_version = 1 }
