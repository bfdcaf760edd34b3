return {
  override = {
    ["ui.subtitle"] = "中国：1958年至1962年",
    ["event.lushan.title"] = "1959年7月：一封讲真话的信",
    ["event.lushan.option.purge_peng"] = "因为这封信处分彭德怀",
    ["event.lushan.option.listen_to_peng"] = "听听彭德怀信里说的话",
    ["event.four_pests.title"] = "1958年：向麻雀、老鼠、苍蝇和蚊子开战",
  },
}
