return {
  ["mod.relief_report.name"] = "救济报告",
  ["mod.relief_report.description"] = "每年报告有多少省份低于救济观察的警戒线。",
  ["event.relief_report_year.title"] = "年度救济报告",
  ["event.relief_report_year.text"] = "视察组统计农村口粮低于警戒线的省份。",
  ["event.relief_report_year.option.noted"] = "知道了",
  ["relief_report.count"] = "{count}个省份每日口粮低于{line}千卡。",
}
