-- Just under what the core accepts in one transfer (1e9 t), twenty
-- thousand times a month: over a long game, grain from abroad would
-- overflow the province's and the nation's 64-bit grain counters.
return {
  id = "h_grain_overflow_policy",
  on_month = function(s, fx)
    for i = 1, 20000 do fx:transfer{ from = "abroad", to = "henan", tonnes = 9.99e8 } end
  end,
}
