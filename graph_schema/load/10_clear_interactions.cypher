// Derived INTERACTS_WITH, step 1: drop them all; they are recomputed, never incremented.
MATCH (:Actor)-[r:INTERACTS_WITH]->(:Actor)
DELETE r
