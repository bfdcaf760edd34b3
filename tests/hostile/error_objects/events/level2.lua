return {
  id = "h_error_objects_level2",
  trigger = function(s) local function f() error("blame the caller", 2) end f() end,
  options = { { id = "never" } },
}
