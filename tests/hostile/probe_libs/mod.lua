-- Hostile case: reaching io, os, debug, package, require of C modules, dofile, loadfile
return { id = "h_probe_libs", name = "Hostile: probe_libs", version = "1.0.0", api_version = 1 }
