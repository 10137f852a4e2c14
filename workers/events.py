"""RQ entry point: jobs stored in Redis name `workers.events.<function>`; the code is in `bot.core.drain`."""

from bot.core.drain import drain_user

__all__ = ["drain_user"]
