-- May 1958: Mao calls Changge county's deep ploughing an "invention" (E03); the August 1958 directive sends the ploughing into the autumn fields.
return {
  id = "deep_ploughing_praise",
  when = { date = "1958-09" },
  options = {
    { id = "promote_nationwide", historical = true, effects = function(s, fx) fx:enact("deep_ploughing") end },
    { id = "field_trials_only" },
  },
  sources = { "E03" },
}
