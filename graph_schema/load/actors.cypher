// Upsert actors. A country learnt from one article is kept when another does not know it.
// params: rows (list of {id, name, kind, country})
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name, a.kind = row.kind, a.country = coalesce(row.country, a.country)
