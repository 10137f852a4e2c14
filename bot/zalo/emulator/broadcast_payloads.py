"""The body of a broadcast on ``/v2.0/oa/message`` (zalo-oa-api.md §11.2): pure validation, Zalo's -201.

``{"recipient": {"target": {"ages": "2,3", "gender": "0", "locations": "0", "cities": "4,9",
"platform": "1,2"}}, "message": {"attachment": {"type": "template", "payload": {"template_type": "media",
"elements": [{"media_type": "article", "attachment_id": "<article id>"}]}}}}``. Targets are comma-separated
code strings, all optional; integers are accepted while ``broadcast_int_targets`` is on [U]; the platform
key is read from ``broadcast_platform_keys`` [U]; ``telcos`` is accepted and ignored (not modelled).
"""

from __future__ import annotations

from typing import Any

from bot.zalo.emulator.broadcasts import Target
from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.errors import ZaloError

HIGHEST = {"ages": 7, "gender": 2, "locations": 2, "cities": 63, "platform": 3, "telcos": 4}


def _invalid(what: str) -> ZaloError:
    return ZaloError(-201, f"Parameters are invalid: {what}")


def _codes(raw: dict[str, Any], key: str, field: str, config: EmulatorConfig) -> frozenset[int] | None:
    value = raw.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and config.broadcast_int_targets:
        parts = [str(value)]
    elif isinstance(value, str):
        parts = [part.strip() for part in value.split(",")]
    else:
        raise _invalid(f"target.{key} must be a comma-separated string of codes")
    if not all(part.isdigit() and int(part) <= HIGHEST[field] for part in parts):
        raise _invalid(f"target.{key} has a code outside 0-{HIGHEST[field]}")
    return frozenset(int(part) for part in parts)


def parse_target(raw: Any, config: EmulatorConfig) -> Target:
    if not isinstance(raw, dict):
        raise _invalid("recipient.target")
    known = {"ages", "gender", "locations", "cities", "telcos", *config.broadcast_platform_keys}
    unknown = set(raw) - known
    if unknown:
        raise _invalid(f"unknown target fields {', '.join(sorted(unknown))}")
    _codes(raw, "telcos", "telcos", config)
    genders = _codes(raw, "gender", "gender", config)
    platform_key = next((key for key in config.broadcast_platform_keys if key in raw), None)
    return Target(
        ages=_codes(raw, "ages", "ages", config),
        genders=None if genders is None or 0 in genders else genders,
        regions=_codes(raw, "locations", "locations", config),
        cities=_codes(raw, "cities", "cities", config),
        platforms=_codes(raw, platform_key, "platform", config) if platform_key else None,
    )


def parse_broadcast(body: Any, config: EmulatorConfig) -> tuple[Target, list[str], dict[str, Any]]:
    """(target, article ids, attachment) of a broadcast body."""
    if not isinstance(body, dict) or not isinstance(body.get("recipient"), dict):
        raise _invalid("recipient")
    if "target" not in body["recipient"]:
        raise _invalid("recipient.target (sending by user_id on /v2.0/oa/message was shut down; use v3)")
    target = parse_target(body["recipient"]["target"], config)
    message = body.get("message")
    attachment = message.get("attachment") if isinstance(message, dict) else None
    payload = attachment.get("payload") if isinstance(attachment, dict) else None
    if not isinstance(payload, dict) or attachment.get("type") != "template" \
            or payload.get("template_type") != "media":
        raise _invalid("message.attachment must be a media template")
    elements = payload.get("elements")
    if not isinstance(elements, list) or not elements:
        raise _invalid("elements")
    if len(elements) > config.broadcast_max_articles:
        raise ZaloError(-210, f"Parameter exceeds allowed limit: at most {config.broadcast_max_articles} articles")
    ids = []
    for element in elements:
        if not isinstance(element, dict) or element.get("media_type") != "article" \
                or not isinstance(element.get("attachment_id"), str):
            raise _invalid("each element needs media_type article and attachment_id")
        ids.append(element["attachment_id"])
    return target, ids, attachment
