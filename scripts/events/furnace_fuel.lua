-- Autumn 1958: trees felled, doors and furniture burned, pots and pans
-- requisitioned to feed the furnaces (seed).
return {
  id = "furnace_fuel",
  when = { date = "1958-10" },
  trigger = function(s) return s:policy_active("backyard_furnaces") end,
  options = {
    { id = "requisition_everything", historical = true,
      effects = function(s, fx)
        fx:adjust{ var = "forest", add = -0.10 }
        -- Without their own pots, households depend on the mess halls.
        fx:modifier{ lever = "nongrain_food_mult", mul = 0.92, months = 18 }
      end },
    { id = "spare_households" ,
      effects = function(s, fx)
        fx:modifier{ lever = "labour_furnaces", mul = 0.8, months = 6 }
      end },
  },
  sources = { "seed" },
}
