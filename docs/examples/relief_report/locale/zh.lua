return {
  ["event.relief_report_year.title"] = "年度救济报告",
  ["event.relief_report_year.text"] = "视察组统计农村口粮低于警戒线的省份。",
  ["event.relief_report_year.option.noted"] = "知道了",
  ["relief_report.count"] = "{count}个省份每日口粮低于{line}千卡。",
}
