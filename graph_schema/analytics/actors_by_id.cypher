// The attributes of the actors of the actor graph.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country
