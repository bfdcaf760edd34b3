return {
  ["mod.relief_report.name"] = "Relief report",
  ["mod.relief_report.description"] = "A yearly report on how many provinces are under relief_watch's alarm line.",
  ["event.relief_report_year.title"] = "The year's relief report",
  ["event.relief_report_year.text"] = "The inspectors count the provinces whose villages eat less than the alarm line.",
  ["event.relief_report_year.option.noted"] = "Noted",
  ["relief_report.count"] = "{count} provinces under {line} kcal a day.",
}
