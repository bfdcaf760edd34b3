-- Chayashan, Henan: about 9,400 households fused into one collective, later
-- the "Sputnik" commune (E14).
return {
  id = "chayashan",
  province = "henan",
  when = { date = "1958-04" },
  options = {
    { id = "hail_as_model", historical = true,
      effects = function(s, fx, p)
        fx:modifier{ lever = "zeal_push", add = "chayashan_zeal_push", province = p.id, months = 18 }
        fx:adjust{ var = "pressure_shock", add = "chayashan_shock" }
      end },
    { id = "wait_and_see" },
  },
  sources = { "E14", "macfarquhar1983" },
}
