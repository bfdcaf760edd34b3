return {
  id = "h_error_hooks_effects",
  when = { date = "1958-01" },
  options = {
    { id = "fail", effects = function(s, fx)
        fx:enact("h_error_hooks_policy")
        error("effects failed")
      end },
  },
}
