-- Its monthly hook does a little work with the libraries the hostile mods
-- abuse, and leaves a notice.
return {
  id = "companion_policy",
  modifiers = { { lever = "zeal_push", add = 0.0 } },
  on_month = function(s, fx)
    local words = {}
    for w in ("one two three"):gmatch("%a+") do words[#words + 1] = w end
    table.sort(words)
    if table.concat(words, ",") ~= "one,three,two" or ("x"):rep(3, "-") ~= "x-x-x" then
      error("companion: the libraries changed under it")
    end
    fx:notify("companion.month")
  end,
}
