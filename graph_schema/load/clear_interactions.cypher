// Derived INTERACTS_WITH (order: steps.toml): drop them all; they are recomputed, never incremented.
MATCH (:Actor)-[r:INTERACTS_WITH]->(:Actor)
DELETE r
