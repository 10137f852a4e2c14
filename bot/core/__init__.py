"""The core: an event's way from the webhook to Zalo. It knows no feature; features register with it."""
