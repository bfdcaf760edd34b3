return {
  ["scenario.1958_no_leap.name"] = "1958 without the Great Leap",
  ["scenario.1958_no_leap.desc"] = "The same January 1958, and then no Great Leap: no peasants sent into industry, and at every event the option that stays out of the Leap's campaigns.",
}
