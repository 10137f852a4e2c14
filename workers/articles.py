"""RQ entry point: jobs stored in Redis name `workers.articles.<function>`; the code is in `bot.stories.articles`."""

from bot.stories.articles import publish_story

__all__ = ["publish_story"]
