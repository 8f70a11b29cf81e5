// Person -> organisation as the text states it ("US President Donald Trump"): one relationship
// per role, dated by the first and last article that states it (min and max, so load order
// cannot change it). params: rows (list of {person_id, organisation_id, role, since, until})
UNWIND $rows AS row
MATCH (p:Actor {id: row.person_id})
MATCH (o:Actor {id: row.organisation_id})
MERGE (p)-[r:AFFILIATED_WITH {role: row.role, basis: 'stated'}]->(o)
SET r.since = CASE WHEN r.since IS NULL OR row.since < r.since THEN row.since ELSE r.since END,
    r.until = CASE WHEN r.until IS NULL OR row.until > r.until THEN row.until ELSE r.until END
