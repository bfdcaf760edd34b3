-- Communal mess halls: by the end of 1958, 3.45 million halls fed over 90%
-- of the rural population (R22). They ate freely while the stores lasted.
return {
  id = "mess_halls",
  category = "society",
  modifiers = {
    { lever = "mess_halls", add = "mess_halls_share" },
  },
  sources = { "R22", "changwen1997" },
}
