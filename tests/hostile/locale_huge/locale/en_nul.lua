-- Two keys that are one key to C: each stops at its zero byte.
return { ["a\0b"] = "one", ["a\0c"] = "two" }
