-- March 1961: in Anhui, Zeng Xisheng lets households farm "responsibility
-- fields" and keep what they grow above a quota (Yang Jisheng, Tombstone,
-- ch. 4). Condemned in 1962; never national policy.
return {
  id = "anhui_responsibility_fields",
  province = "anhui",
  when = { date = "1961-03" },
  options = {
    { id = "responsibility_fields", historical = true,
      effects = function(s, fx, p)
        fx:modifier{ lever = "incentive_mult", mul = "household_quotas_incentive_mult", province = p.id, months = 12 }
      end },
    { id = "collective_fields_only" },
  },
  sources = { "P06" },
}
