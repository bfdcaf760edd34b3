return {
  ["scenario.1958_no_leap.name"] = "1958 without the Great Leap",
}
