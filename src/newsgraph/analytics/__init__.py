"""Network analytics over the actor graph: who is central, who clusters with whom, and how each
pair's relations move between cooperation and conflict month by month."""
