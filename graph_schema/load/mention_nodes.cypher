// Each place an article names an actor, with the words and the rule that read them as it.
// params: rows (list of {id, article_id, actor_id, text, sentence_index, start, end, rule, role})
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor_id})
CREATE (m:Mention {id: row.id, article_id: row.article_id, text: row.text,
                   sentence_index: row.sentence_index, start: row.start, end: row.end,
                   rule: row.rule, role: row.role})
CREATE (m)-[:REFERS_TO]->(a)
