// Person -> organisation, one relationship per distinct role, so load order cannot change it.
// params: rows (list of {person_id, organisation_id, role})
UNWIND $rows AS row
MATCH (p:Actor {id: row.person_id})
MATCH (o:Actor {id: row.organisation_id})
MERGE (p)-[:AFFILIATED_WITH {role: row.role}]->(o)
