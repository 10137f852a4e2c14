"""Shared services that know no conversation: Redis keys and connection, metrics, logs, clock, audit, texts."""
