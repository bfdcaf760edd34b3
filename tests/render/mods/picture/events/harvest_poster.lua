-- An event whose card shows a PNG from this mod's folder.
return {
  id = "harvest_poster",
  picture = "pictures/poster.png",
  when = { date = "1958-03" },
  options = {
    { id = "noted", historical = true,
      effects = function(s, fx) fx:adjust{ var = "cadre_zeal", add = 0.01 } end },
  },
  sources = {},
}
