// Per-article replace (order: steps.toml): the old :Mention nodes of the articles being
// reloaded. params: ids (list of article ids)
UNWIND $ids AS id
MATCH (m:Mention {article_id: id})
DETACH DELETE m
