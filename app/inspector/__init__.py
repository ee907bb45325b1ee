"""A built-in request inspector: a private request bin that journeys can call on a first run."""
