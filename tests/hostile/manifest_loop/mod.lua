-- Hostile case: a manifest that never finishes.
while true do end
