"""The Prefect flows and the `newsgraph` command, on top of the library.

The library (`newsgraph`) is plain Python and never imports this package or Prefect; this
package wires the library's stages into flows (ingest, serve), runs the Prefect server the
command talks to, and holds the command line."""
