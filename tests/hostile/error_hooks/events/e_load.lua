local x = {}
x.y.z = 1
return {}
