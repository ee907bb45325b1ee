"""Events: the event types technical users define and the events producers send to start journeys."""
