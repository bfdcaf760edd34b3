-- Autumn 1958: trees felled, doors and furniture burned, pots and pans
-- requisitioned to feed the furnaces (shapiro2001, dikotter2010).
return {
  id = "furnace_fuel",
  when = { date = "1958-10" },
  trigger = function(s) return s:policy_active("backyard_furnaces") end,
  options = {
    { id = "requisition_everything", historical = true,
      effects = function(s, fx)
        fx:adjust{ var = "forest", add = "furnace_fuel_forest_add" }
        -- Without their own pots, households depend on the mess halls.
        fx:modifier{ lever = "nongrain_food_mult", mul = "furnace_fuel_nongrain_mult", months = 18 }
      end },
    { id = "spare_households" ,
      effects = function(s, fx)
        fx:modifier{ lever = "labour_furnaces", mul = "furnace_spare_labour_mult", months = 6 }
      end },
  },
  sources = { "shapiro2001", "dikotter2010" },
}
