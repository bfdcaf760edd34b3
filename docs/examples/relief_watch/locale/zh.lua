return {
  ["mod.relief_watch.name"] = "救济观察",
  ["mod.relief_watch.description"] = "关注各省农村的口粮，当三个省份低于警戒线时派出视察组发放救济。",
  ["relief_watch.sent"] = "视察组向{province}发放救济：国家对其缺粮的承担比例提高{share}%。",
  ["modifier.relief_watch_relief"] = "视察后的救济",
  ["mapmode.relief_watch_food.name"] = "农村口粮",
  ["mapmode.relief_watch_food.unit"] = "每人每日千卡",
  ["setting.relief_watch.alarm_kcal"] = "警戒线（每人每日千卡）",
  ["setting.relief_watch.notify"] = "发放救济时通知我",
}
