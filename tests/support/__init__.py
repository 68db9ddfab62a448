"""Helpers shared by the tests and the benchmark: the repository's paths, a local server that
serves the built site as a host does, a driver for the checker page, and named journeys."""
