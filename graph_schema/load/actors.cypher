// Upsert actors. A country learnt from one article is kept when another does not know it.
// `aliases`: the lower-case forms the shipped gazetteer and known persons give the actor, by
// which the query library also finds it. params: rows (list of {id, name, kind, country, aliases})
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name, a.kind = row.kind, a.country = coalesce(row.country, a.country),
    a.aliases = row.aliases
