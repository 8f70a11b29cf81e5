// Derived INTERACTS_WITH (order: steps.toml; after clear_interactions removed them): actors that nothing refers to any
// more go. A re-extraction with a newer pipeline may stop finding an actor; without this step
// it would stay in the graph, and a re-run would not end with the graph of a clean run.
MATCH (a:Actor)
OPTIONAL MATCH (a)-[r]-()
WITH a, count(r) AS links
WHERE links = 0
DELETE a
