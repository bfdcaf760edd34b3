-- Hostile case: a manifest whose fields are computed by a looping __index.
return setmetatable({ id = "h_manifest_metatable", api_version = 1 },
                    { __index = function(t, k) while true do end end })
