// The actors each article names, with how often. params: rows (list of {article_id, actor_id, count})
UNWIND $rows AS row
MATCH (art:Article {id: row.article_id})
MATCH (a:Actor {id: row.actor_id})
MERGE (art)-[m:MENTIONS]->(a)
SET m.count = row.count
