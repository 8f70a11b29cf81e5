// Events of some articles loaded before extract-4, which record no verb token: resolve cannot
// recompute their ids. params: ids (article ids)
MATCH (e:Event) WHERE e.article_id IN $ids AND e.token IS NULL
RETURN count(e) AS events
