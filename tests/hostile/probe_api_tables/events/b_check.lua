-- Another file of the same mod still sees the real API and libraries.
return {
  id = "h_probe_api_tables_b",
  when = { date = "1958-02" },
  trigger = function(s)
    if gl.levers()[1] == "fake" or not string.rep or not table.concat then error("ESCAPE: one file changed another's API") end
    error("the other file is untouched")
  end,
  options = { { id = "never" } },
}
