"""Background jobs run by `dxbot worker` (RQ): event draining, maintenance, screening, digest."""
