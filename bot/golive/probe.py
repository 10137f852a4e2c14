"""`dxbot doctor --probe`: ask Zalo itself which message forms it accepts, with one harmless message.

Whether `/v3.0/oa/message/cs` takes buttons is uncertain (zalo-oa-api.md §9 item 5), so the only sure
answer is Zalo's. The probe sends a short notice with one button to a moderator (who expects technical
messages); if Zalo refuses the buttons, it sends the same notice with typed choices. Either answer is
written into the install's memory (bot/core/refused_forms.py), so the bot uses the accepted form at once.
"""

from __future__ import annotations

from collections.abc import Callable

import redis

from bot.config import Settings
from bot.core import message_forms, refused_forms
from bot.core.context import OutMessage
from bot.infra.texts import render
from bot.zalo.client import ZaloClient
from bot.zalo.errors import UserUnreachable, ZaloError

AREA = "probe"


def probe(settings: Settings, client: redis.Redis, zalo: ZaloClient, add: Callable[..., None],
          to: str | None = None) -> None:
    """Send the probe and report through `add(level, area, text, fix)` (the doctor's findings)."""
    recipient = to or min(settings.moderator_ids, default=None)
    if recipient is None:
        add("fail", AREA, "nobody to send the probe to", "set MODERATOR_IDS, or pass --probe-to <zalo user id>")
        return
    message = OutMessage(user_id=recipient, kind="text", text=render("probe_message"),
                         buttons=[(render("probe_button"), render("probe_button_payload"))])
    try:
        zalo.send_text(user_id=recipient, text=message.text, buttons=message.buttons)
    except UserUnreachable as exc:
        add("warn", AREA, f"cannot probe: Zalo will not deliver to {recipient} now ({exc.code})",
            "ask that moderator to send any message to the OA (it opens Zalo's 7-day window), then probe again")
        return
    except ZaloError as exc:
        if exc.code not in message_forms.FORM_ERROR_CODES:
            add("fail", AREA, f"Zalo refused the probe ({exc.code}: {exc.message})",
                "see the Zalo error in shared/zalo-oa-api.md §7 and the log")
            return
        refused_forms.remember(client, settings, message_forms.BUTTONS, exc.code)
        add("warn", AREA, f"Zalo refuses buttons on CS messages ({exc.code}): replies go out with typed choices",
            f"nothing to do: the bot rechecks every {settings.form_recheck_s} s (ZALO_FORM_RECHECK_SECONDS)")
        _send_plain(zalo, message, settings, add)
        return
    refused_forms.forget(client, message_forms.BUTTONS)
    add("ok", AREA, f"Zalo accepts buttons on CS messages (probe sent to {recipient})")


def _send_plain(zalo: ZaloClient, message: OutMessage, settings: Settings, add: Callable[..., None]) -> None:
    [plain] = message_forms.degrade(message, message_forms.BUTTONS, settings.max_text_chars)
    try:
        zalo.send_text(user_id=plain.user_id, text=plain.text)
    except ZaloError as exc:
        add("fail", AREA, f"Zalo refuses even plain text to {plain.user_id} ({exc.code}: {exc.message})",
            "see the Zalo error in shared/zalo-oa-api.md §7 and the log")
        return
    add("ok", AREA, "Zalo accepts plain text with typed choices")
