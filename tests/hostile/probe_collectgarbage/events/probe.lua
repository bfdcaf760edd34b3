return {
  id = "h_probe_collectgarbage",
  trigger = function(s)
    for _, opt in ipairs({ "stop", "restart", "setpause", "setstepmul", "incremental", "generational", "isrunning" }) do
      if pcall(collectgarbage, opt, 1) then error("ESCAPE: collectgarbage('" .. opt .. "') ran") end
    end
    assert(type(collectgarbage("count")) == "number")
    -- A heap of small objects makes each full collection slow: it is paid for.
    local heap = {}
    for i = 1, 100000 do heap[i] = { i } end
    while true do collectgarbage() end
  end,
  options = { { id = "never" } },
}
