return {
  id = "1958\nmode free",
  start = "1958-01",
  data = { params = "assets/data/params.csv", provinces = "assets/data/provinces.csv" },
}
