"""Journeys: the graph marketers build, its drafts, published versions and lifecycle."""
