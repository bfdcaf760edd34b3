-- Shared by the two events (require caches it per mod).
return {}
