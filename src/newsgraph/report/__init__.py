"""`newsgraph report`: one self-contained HTML dashboard of the graph that opens offline."""
