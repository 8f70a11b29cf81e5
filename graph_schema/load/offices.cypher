// A known person's office (actors/data/persons.toml): one relationship per term, with the
// curated dates (until null: still held). params: rows (list of {person_id, organisation_id,
// role, since, until})
UNWIND $rows AS row
MATCH (p:Actor {id: row.person_id})
MATCH (o:Actor {id: row.organisation_id})
MERGE (p)-[r:AFFILIATED_WITH {role: row.role, basis: 'curated', since: row.since}]->(o)
SET r.until = row.until
