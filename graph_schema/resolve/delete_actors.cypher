// Merged actors go once their events, mentions and affiliations have moved; INTERACTS_WITH is
// rebuilt after. params: ids (actor ids)
MATCH (a:Actor) WHERE a.id IN $ids
DETACH DELETE a
