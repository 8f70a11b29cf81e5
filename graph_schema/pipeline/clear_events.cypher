// The first of the three clear_* statements (GraphStore.clear runs each until it deletes none):
// up to 5000 events or mentions at a time, since one transaction deleting a large graph exceeds Neo4j's
// transaction memory. Events and articles go before actors: an actor of a large graph holds a
// relationship per article that names it, and detaching thousands of such actors at once
// exhausts a small heap. Only newsgraph's labels go (not NeoDash's dashboards).
MATCH (n)
WHERE n:Event OR n:Mention
WITH n LIMIT 5000
DETACH DELETE n
RETURN count(*) AS deleted
