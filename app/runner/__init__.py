"""Runner: RQ workers walk live journeys and call each action's REST API."""
