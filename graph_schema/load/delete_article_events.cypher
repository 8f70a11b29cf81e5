// Per-article replace (order: steps.toml): an article that is (re)loaded loses its old events and mentions.
// params: ids (list of article ids)
UNWIND $ids AS id
MATCH (e:Event {article_id: id})
DETACH DELETE e
