-- A locale table whose 'override' field is computed by a looping __index.
return setmetatable({ ["h_locale_huge.meta"] = "text" }, { __index = function() while true do end end })
