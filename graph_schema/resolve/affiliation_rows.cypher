// The AFFILIATED_WITH edges of some actors, either end. params: ids (actor ids)
MATCH (p:Actor)-[r:AFFILIATED_WITH]->(o:Actor) WHERE p.id IN $ids OR o.id IN $ids
RETURN p.id AS person_id, o.id AS organisation_id, r.role AS role, r.since AS since,
       r.until AS until, r.basis AS basis
ORDER BY person_id, organisation_id, role, since
