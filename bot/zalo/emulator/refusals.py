"""Forms of message the emulator refuses for a whole run, as Zalo might on launch day.

Whether `/v3.0/oa/message/cs` accepts buttons, or any template, is uncertain (zalo-oa-api.md §3.2,
§9 item 5). A rule here makes the emulator answer such a message with Zalo's payload error on every
call until the rule is removed, so tests and the sandbox can show the bot's degraded path. Rules:

- ``cs_buttons``: a CS message with quick-reply buttons → -201
- ``cs_media``: a CS message with a media (image) template → -201
- ``templates``: any template attachment (CS buttons or media, promotion, transaction) → -201
- ``button:<type>``: any message carrying a button of that type, e.g. ``button:oa.query.show`` → -201
- ``text_over:<n>``: a CS text longer than n characters → -210
"""

from __future__ import annotations

import unicodedata
from typing import Any

PLAIN_RULES = frozenset({"cs_buttons", "cs_media", "templates"})
BUTTON_PREFIX = "button:"
TEXT_PREFIX = "text_over:"


def validate(rules: Any) -> list[str]:
    """The rules of ``POST /_emulator/refuse`` (a list of strings); raises ``ValueError`` on nonsense."""
    if not isinstance(rules, list) or not all(isinstance(rule, str) for rule in rules):
        raise ValueError('give {"forms": [rule, ...]} with rules among cs_buttons, cs_media, templates, '
                         'button:<type>, text_over:<n>')
    for rule in rules:
        if rule in PLAIN_RULES or (rule.startswith(BUTTON_PREFIX) and len(rule) > len(BUTTON_PREFIX)):
            continue
        if rule.startswith(TEXT_PREFIX) and rule[len(TEXT_PREFIX):].isdigit():
            continue
        raise ValueError(f"unknown refusal rule {rule!r}")
    return list(dict.fromkeys(rules))


def refusal(rules: list[str], endpoint: str, text: str | None, attachment: Any,
            buttons: list[dict[str, Any]]) -> tuple[int, str] | None:
    """(error, message) when a rule refuses this message, else None. ``endpoint`` is cs/promotion/..."""
    is_template = isinstance(attachment, dict) and attachment.get("type") == "template"
    payload = attachment.get("payload") if is_template else None
    is_media = isinstance(payload, dict) and payload.get("template_type") == "media"
    for rule in rules:
        if rule == "templates" and is_template:
            return -201, "Parameters are invalid: template is not supported"
        if rule == "cs_buttons" and endpoint == "cs" and buttons:
            return -201, "Parameters are invalid: buttons are not supported"
        if rule == "cs_media" and endpoint == "cs" and is_media:
            return -201, "Parameters are invalid: media template is not supported"
        if rule.startswith(BUTTON_PREFIX) and any(b.get("type") == rule[len(BUTTON_PREFIX):] for b in buttons):
            return -201, f"Parameters are invalid: button type {rule[len(BUTTON_PREFIX):]} is not supported"
        if (rule.startswith(TEXT_PREFIX) and endpoint == "cs" and isinstance(text, str)
                and len(unicodedata.normalize("NFC", text)) > int(rule[len(TEXT_PREFIX):])):
            return -210, "Parameter exceeds allowed limit: text"
    return None
