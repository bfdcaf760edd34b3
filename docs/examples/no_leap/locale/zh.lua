return {
  ["scenario.1958_no_leap.name"] = "没有大跃进的1958年",
  ["scenario.1958_no_leap.desc"] = "同样的1958年1月，但没有大跃进：没有农民被抽调去搞工业，每个事件都选择不参与大跃进运动的选项。",
}
