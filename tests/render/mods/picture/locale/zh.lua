return {
  ["event.harvest_poster.title"] = "带图片的事件卡",
  ["event.harvest_poster.text"] = "这张卡片来自一个测试模组。图片是模组文件夹里的PNG文件，通过SDL2_image绘制。",
  ["event.harvest_poster.option.noted"] = "知道了",
}
