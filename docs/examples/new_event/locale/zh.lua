return {
  ["event.macheng_rice.title"] = "麻城早稻“卫星”（1958年8月）",
  ["event.macheng_rice.text"] = "1958年8月13日，《人民日报》在头版刊登湖北麻城县建国公社的消息：早稻亩产36956斤。没有一块田能长出其十分之一。湖北的干部都在看中央如何回应。",
  ["event.macheng_rice.option.front_page"] = "在头版上大力宣传",
  ["event.macheng_rice.option.weigh_the_harvest"] = "派人去过秤核实",
}
