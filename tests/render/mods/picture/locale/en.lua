return {
  ["event.harvest_poster.title"] = "A picture on the card",
  ["event.harvest_poster.text"] = "This card comes from a test mod. Its picture is a PNG in the mod's own folder, drawn through SDL2_image.",
  ["event.harvest_poster.option.noted"] = "Noted",
}
