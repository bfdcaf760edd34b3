-- The event fires in Hubei in August 1958; each option does what it says.
-- Guangdong's cadres start 1958 like Hubei's and the event does not touch
-- them, so the gap between the two provinces shows the option's effect.
local function province(t, id) return t:state():province(id) end

return {
  { name = "history celebrates the claim and Hubei's reports inflate",
    run = function(t)
      t:advance_to("1958-07")
      local before = province(t, "hubei"):lever("report_inflation")
      t:advance_to("1958-08")
      t:expect(t:state():event_choice("macheng_rice") == "front_page", "history took %s",
               tostring(t:state():event_choice("macheng_rice")))
      t:near(province(t, "hubei"):lever("report_inflation"), before + 0.15, 0.01, "Hubei's report inflation lever")
      t:expect(province(t, "guangdong"):lever("report_inflation") == before, "Guangdong's lever moved too")
    end },

  { name = "weighing the harvest cools Hubei's cadres and inflates nothing",
    run = function(t)
      t:choose("macheng_rice", "weigh_the_harvest")
      t:advance_to("1958-07")
      local inflation = province(t, "hubei"):lever("report_inflation")
      local gap = province(t, "hubei").zeal - province(t, "guangdong").zeal
      t:advance_to("1958-08")
      t:expect(t:state():event_choice("macheng_rice") == "weigh_the_harvest", "the forced option was not taken")
      t:expect(province(t, "hubei"):lever("report_inflation") == inflation, "an inflation modifier was added")
      local after = province(t, "hubei").zeal - province(t, "guangdong").zeal
      t:expect(after < gap - 0.02, "Hubei's zeal gap to Guangdong went from %.3f to %.3f", gap, after)
    end },

  { name = "the card has its text in both languages",
    run = function(t)
      t:expect(t:text("event.macheng_rice.title"):find("Macheng") ~= nil, "English title")
      t:expect(t:text("event.macheng_rice.title", "zh"):find("麻城") ~= nil, "Chinese title")
    end },
}
