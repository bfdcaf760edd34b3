-- The new words replace the old ones in both languages; nothing else moves.
return {
  { name = "the Lushan card reads plainly in English and Chinese",
    run = function(t)
      t:expect(t:text("event.lushan.title") == "July 1959: a letter about the truth", "English title: %s",
               t:text("event.lushan.title"))
      t:expect(t:text("event.lushan.title", "zh") == "1959年7月：一封讲真话的信", "Chinese title: %s",
               t:text("event.lushan.title", "zh"))
      t:expect(t:text("event.lushan.option.purge_peng"):find("Punish") ~= nil, "English option")
    end },

  { name = "keys the mod does not touch keep the base game's text",
    run = function(t)
      t:expect(t:text("event.lushan.text"):find("Peng Dehuai") ~= nil, "the card's text is the base game's")
      t:expect(t:text("ui.title") == "Great Leap", "the title is the base game's")
    end },

  { name = "wording changes nothing in the simulation",
    run = function(t)
      t:advance_to("1959-08")
      t:expect(t:state():event_choice("lushan") == "purge_peng", "history's choice at Lushan")
    end },
}
