-- Not an attack: a mod that is merely slow (about a million instructions a
-- month), for the per-mod time accounting test.
return { id = "slow", name = "Slow", version = "1.0.0", api_version = 1 }
