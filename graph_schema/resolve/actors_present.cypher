// Which of some actor ids are in the graph. params: ids (list of actor ids)
MATCH (a:Actor) WHERE a.id IN $ids
RETURN a.id AS id
ORDER BY id
