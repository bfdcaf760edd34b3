return {
  ["companion.tick"] = "Tick",
  ["companion.month"] = "Month",
  ["event.companion_tick.title"] = "Companion",
  ["event.companion_tick.text"] = "Companion",
  ["event.companion_tick.option.tick"] = "Tick",
  ["policy.companion_policy.name"] = "Companion",
  ["policy.companion_policy.desc"] = "Companion",
}
