-- Hostile case: a manifest that is not a table.
return "h_manifest_not_table"
