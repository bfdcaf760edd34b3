return {
  ["mod.relief_watch.name"] = "Relief watch",
  ["mod.relief_watch.description"] = "Watches the food each province's villages have, and sends an inspection with relief when three fall under an alarm line.",
  ["relief_watch.sent"] = "Inspectors send relief to {province}: the state now covers {share}% more of its shortfall.",
  ["modifier.relief_watch_relief"] = "Relief after an inspection",
  ["mapmode.relief_watch_food.name"] = "Village food",
  ["mapmode.relief_watch_food.unit"] = "kcal per person per day",
  ["setting.relief_watch.alarm_kcal"] = "Alarm line (kcal per person per day)",
  ["setting.relief_watch.notify"] = "Tell me when relief is sent",
}
