"""dxbot: the Zalo Official Account bot of Vietnam's national digital-transformation channel."""
