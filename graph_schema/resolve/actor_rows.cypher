// Actor rows by id. params: ids (actor ids)
MATCH (a:Actor) WHERE a.id IN $ids
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, a.aliases AS aliases
ORDER BY id
