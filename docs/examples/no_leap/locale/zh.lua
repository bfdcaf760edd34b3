return {
  ["scenario.1958_no_leap.name"] = "没有大跃进的1958年",
}
