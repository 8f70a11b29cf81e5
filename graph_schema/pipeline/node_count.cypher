// Nodes of any label (NeoDash's dashboards too): a backfill replaces the database, so it
// refuses one that holds anything.
MATCH (n)
RETURN count(n) AS nodes
