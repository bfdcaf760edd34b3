-- Hostile case: a scenario id with a line break. Saves record the scenario
-- on a line of their header: before issue 13 the id split it in two.
return { id = "h_scenario_bad_id", name = "Hostile: scenario_bad_id", version = "1.0.0", api_version = 1 }
