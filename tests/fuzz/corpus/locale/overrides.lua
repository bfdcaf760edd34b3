return { ["a.b"] = "x", override = { ["a.b"] = "y" } }
--@@
return { ["a.b"] = "z" }
--@@
return { override = { ["a.b"] = "w" }, ["c"] = "d" }