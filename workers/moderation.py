"""RQ entry point: jobs stored in Redis name `workers.moderation.<function>`; the code is in `bot.stories.jobs`."""

from bot.stories.jobs import download_media, purge_media, screen_story

__all__ = ["download_media", "purge_media", "screen_story"]
