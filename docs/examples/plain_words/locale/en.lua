-- Every key here exists in the base game: `override` says that replacing
-- it is meant. A key outside `override` that another mod already defines
-- would be an error naming both files.
return {
  override = {
    ["ui.subtitle"] = "China, 1958 to 1962",
    ["event.lushan.title"] = "July 1959: a letter about the truth",
    ["event.lushan.option.purge_peng"] = "Punish Peng Dehuai for writing it",
    ["event.lushan.option.listen_to_peng"] = "Listen to what Peng Dehuai wrote",
    ["event.four_pests.title"] = "1958: the war on sparrows, rats, flies and mosquitoes",
  },
}
