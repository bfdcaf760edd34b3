return {
  ["event.pest_watch.title"] = "田间虫害",
  ["event.pest_watch.text"] = "该省报告虫害。",
  ["event.pest_watch.option.count_them"] = "清点",
  ["event.pest_watch.option.ignore_them"] = "不理",
  ["policy.tally.name"] = "计数",
  ["policy.tally.desc"] = "逐月计数。",
}
