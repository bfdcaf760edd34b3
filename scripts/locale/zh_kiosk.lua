-- 简体中文：博物馆展台模式（循环演示、参观者游戏、工作人员密码）。
-- 循环演示画面同时显示两种语言，所以两条提示在两个语言文件中相同。
return {
  ["ui.kiosk_touch_zh"] = "触摸屏幕，开始",
  ["ui.kiosk_touch_en"] = "Touch the screen to begin",
  ["ui.kiosk_finish"] = "结束",
  ["ui.kiosk_countdown"] = "如不作选择，将采用默认选项，剩余",
  ["ui.kiosk_seconds"] = "秒",
  ["ui.kiosk_pin"] = "工作人员密码",
}
