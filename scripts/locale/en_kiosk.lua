-- English: the museum kiosk (attract loop, visitor session, the reveal after
-- each decision, the ending, staff PIN). The attract loop shows both
-- languages at once: it reads each key from both locale files. Sentences
-- with numbers are templates: {1}, {2}... are filled in by the game.
return {
  -- The attract loop
  ["kiosk.hook"] = "1958–1962: the provinces reported record harvests while tens of millions starved to death.",
  ["kiosk.toll"] = "Deaths above normal since 1958",
  ["kiosk.toll_reported"] = "Reported to the centre:",
  ["kiosk.map_death_rate"] = "Death rate, per thousand a year",
  ["kiosk.map_harvest"] = "Grain harvest, kg per person, last twelve months",
  ["kiosk.kg_suffix"] = " kg",
  ["kiosk.touch"] = "Touch the screen to begin",
  ["kiosk.preparing"] = "Preparing the visit: {1} %",
  ["kiosk.real_short"] = "Real",
  ["kiosk.reported_short"] = "Reported",
  -- A visitor's game
  ["kiosk.show_real"] = "What really happened",
  ["kiosk.show_told"] = "What the centre was told",
  ["kiosk.map_told_note"] = "The map shows what the provinces reported to Beijing. The centre decided on these figures.",
  ["kiosk.map_real_note"] = "The map shows what really happened, as the game's model and the later records reconstruct it.",
  ["kiosk.decisions_made"] = "Decisions: {1} of {2}",
  ["kiosk.toll_real"] = "Deaths above normal so far (what really happened)",
  ["kiosk.toll_told"] = "Deaths above normal so far (as reported)",
  ["kiosk.quoted"] = "\"{1}\"",
  ["kiosk.your_choice"] = "Your decision",
  ["kiosk.timed_out"] = " (nobody chose: the default was taken)",
  ["kiosk.reveal_harvest"] = "In the last twelve months the provinces reported {1} of grain; they harvested {2}.",
  ["kiosk.reveal_deaths"] = "{1} people died; {2} deaths were reported.",
  ["kiosk.bar_harvest"] = "Grain harvest, last twelve months",
  ["kiosk.bar_deaths"] = "Deaths, last twelve months",
  ["kiosk.continue"] = "Continue",
  ["kiosk.computing"] = "The model is still working out what this decision changes ({1} %).",
  -- What a decision does on its own ({1} the change, {2} to {3} its range
  -- over {4} runs of the model, {5} the other option)
  ["kiosk.alone_fewer"] = "In the model, this decision alone, with every other as history took it, means about {1} fewer deaths in 1959–1961 ({2} to {3} over {4} runs).",
  ["kiosk.alone_more"] = "In the model, this decision alone, with every other as history took it, means about {1} more deaths in 1959–1961 ({2} to {3} over {4} runs).",
  ["kiosk.alone_nothing"] = "In the model, this decision alone changes the deaths of 1959–1961 by less than 100,000.",
  ["kiosk.history_fewer"] = "History took the same decision. In the model, \"{5}\" alone would have meant about {1} fewer deaths in 1959–1961 ({2} to {3} over {4} runs).",
  ["kiosk.history_more"] = "History took the same decision. In the model, \"{5}\" would have meant about {1} more deaths in 1959–1961 ({2} to {3} over {4} runs).",
  ["kiosk.history_nothing"] = "History took the same decision. In the model, the other choices change the deaths of 1959–1961 by less than 100,000.",
  ["kiosk.alone_fewer_short"] = "On its own: about {1} fewer deaths",
  ["kiosk.alone_more_short"] = "On its own: about {1} more deaths",
  ["kiosk.alone_nothing_short"] = "On its own: almost no change",
  ["kiosk.history_fewer_short"] = "As history; the other way, alone: about {1} fewer deaths",
  ["kiosk.history_more_short"] = "As history; the other way, alone: about {1} more deaths",
  ["kiosk.history_nothing_short"] = "As history. The other choices change little",
  -- The ending
  ["kiosk.end_history"] = "History: about {1} died.",
  ["kiosk.end_history_unknown"] = "History: the model is still computing it.",
  ["kiosk.end_yours"] = "With your choices: {1}.",
  ["kiosk.end_note"] = "Deaths above the normal rate in 1959–1961, in this game's model of the famine, with the same weather and chance in both. Historians estimate the real toll at 15 to 45 million.",
  ["kiosk.end_map"] = "Deaths above normal, 1959–1961, per thousand people",
  ["kiosk.end_map_tag"] = "Your game",
  ["kiosk.end_decisions"] = "Your decisions",
  ["kiosk.not_reached"] = "not reached",
  ["kiosk.end_overlap"] = "Each effect is that decision alone, with every other as history took it. Together they overlap, so they do not add up.",
  ["kiosk.end_sources_title"] = "The famine's toll",
  -- Staff and the clock
  ["ui.kiosk_finish"] = "Finish",
  ["ui.kiosk_countdown"] = "Without a choice, the default option is taken in",
  ["ui.kiosk_seconds"] = "s",
  ["ui.kiosk_pin"] = "Staff PIN",
}
