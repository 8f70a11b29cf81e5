// The input files of the articles that name an actor (what `actors split` reads again).
// params: id (actor id)
MATCH (art:Article)-[:MENTIONS]->(:Actor {id: $id})
RETURN DISTINCT art.doc AS doc
ORDER BY doc
