return {
  ["event.pest_watch.title"] = "Pests in the fields",
  ["event.pest_watch.text"] = "The province reports pests.",
  ["event.pest_watch.option.count_them"] = "Count them",
  ["event.pest_watch.option.ignore_them"] = "Ignore them",
  ["policy.tally.name"] = "Tally",
  ["policy.tally.desc"] = "Counts the months.",
}
