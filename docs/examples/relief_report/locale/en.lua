return {
  ["event.relief_report_year.title"] = "The year's relief report",
  ["event.relief_report_year.text"] = "The inspectors count the provinces whose villages eat less than the alarm line.",
  ["event.relief_report_year.option.noted"] = "Noted",
  ["relief_report.count"] = "{count} provinces under {line} kcal a day.",
}
