"""RQ entry point: jobs stored in Redis name `workers.digest.<function>`; the code is in `bot.digest.fanout`."""

from bot.digest.fanout import broadcast, fanout_chunk, fire, preview

__all__ = ["broadcast", "fanout_chunk", "fire", "preview"]
