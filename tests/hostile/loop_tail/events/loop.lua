local ping, pong
function ping(n) return pong(n + 1) end
function pong(n) return ping(n + 1) end
return {
  id = "h_loop_tail",
  trigger = function(s) return ping(0) end,
  options = { { id = "never" } },
}
