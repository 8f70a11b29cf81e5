// Create the events of freshly cleared articles with their provenance and participants.
// params: rows (list of Event property maps plus source_id, source_role, target_id,
//         target_role, reporter_id; the ids of absent participants are null)
UNWIND $rows AS row
MATCH (art:Article {id: row.article_id})
MATCH (s:Actor {id: row.source_id})
CREATE (e:Event {id: row.id, article_id: row.article_id, action: row.action, verb: row.verb,
                 category: row.category, score: row.score, negated: row.negated,
                 modality: row.modality, mode: row.mode, date: row.date, evidence: row.evidence,
                 sentence_index: row.sentence_index, start: row.start, end: row.end,
                 confidence: row.confidence, rule: row.rule, token: row.token})
CREATE (s)-[:SOURCE_OF {role: row.source_role}]->(e)
CREATE (e)-[:REPORTED_IN]->(art)
WITH e, row
OPTIONAL MATCH (t:Actor {id: row.target_id})
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END |
  CREATE (e)-[:TARGETS {role: row.target_role}]->(t))
WITH e, row
OPTIONAL MATCH (r:Actor {id: row.reporter_id})
FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END |
  CREATE (e)-[:REPORTED_BY]->(r))
