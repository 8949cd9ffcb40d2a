"""One screen per step of the journey (see docs/user-guide.md for the map and keys)."""
