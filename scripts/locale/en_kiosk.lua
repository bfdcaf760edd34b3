-- English: the museum kiosk (attract loop, visitor session, staff PIN).
-- The attract screen shows both languages at once, so its two captions are
-- the same in both locale files.
return {
  ["ui.kiosk_touch_zh"] = "触摸屏幕，开始",
  ["ui.kiosk_touch_en"] = "Touch the screen to begin",
  ["ui.kiosk_finish"] = "Finish",
  ["ui.kiosk_countdown"] = "Without a choice, the default option is taken in",
  ["ui.kiosk_seconds"] = "s",
  ["ui.kiosk_pin"] = "Staff PIN",
}
