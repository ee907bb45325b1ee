"""Actions: the third-party REST calls journeys make, configured by technical users."""
