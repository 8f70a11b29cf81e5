// Every person actor, for linking a surname used alone to the one full name the graph knows.
MATCH (a:Actor {kind: 'person'})
RETURN a.id AS id, a.name AS name, a.country AS country
ORDER BY id
