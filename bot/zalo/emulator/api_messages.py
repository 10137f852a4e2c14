"""OA API, sending: ``/v3.0/oa/message/{cs,transaction,promotion,template}`` (§3.2, §3.3, §4)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response

from bot.zalo.emulator import refusals
from bot.zalo.emulator.errors import ZaloError
from bot.zalo.emulator.payloads import (
    TRANSACTION_TEMPLATES,
    ParsedMessage,
    parse_cs_message,
    parse_template_message,
    parse_zbs_message,
)
from bot.zalo.emulator.web import get_state, json_body, oa_api, ok

messages_api = Blueprint("zalo_messages", __name__)


def record(parsed: ParsedMessage, endpoint: str, quota_type: str | None) -> dict[str, Any]:
    return get_state().record_message({
        "user_id": parsed.user_id, "endpoint": endpoint, "text": parsed.text,
        "attachment": parsed.attachment, "buttons": parsed.buttons, "quota_type": quota_type,
        "quote_message_id": parsed.quote_message_id,
    })


def check_attachments(parsed: ParsedMessage) -> None:
    for attachment_id in parsed.attachment_ids:
        get_state().check_attachment(attachment_id)


def check_refused_form(parsed: ParsedMessage, endpoint: str) -> None:
    """Zalo's payload error for a form the run refuses (``/_emulator/refuse``)."""
    refused = refusals.refusal(list(get_state().config.refuse), endpoint, parsed.text, parsed.attachment,
                               parsed.buttons)
    if refused is not None:
        raise ZaloError(*refused)


@messages_api.post("/v3.0/oa/message/cs")
@oa_api
def send_cs() -> Response:
    """Consultation message: only inside the 7-day window; free ``reply`` quota in the first 48 h."""
    state = get_state()
    parsed = parse_cs_message(json_body(), state.config)
    check_refused_form(parsed, "cs")
    check_attachments(parsed)
    quota = state.charge_cs(parsed.user_id)
    entry = record(parsed, "cs", quota["quota_type"])
    return ok({"message_id": entry["message_id"], "user_id": parsed.user_id, "quota": quota})


@messages_api.post("/v3.0/oa/message/transaction")
@oa_api
def send_transaction() -> Response:
    """Transaction template: 24/24, to any user the OA has seen."""
    state = get_state()
    parsed = parse_template_message(json_body(), state.config, TRANSACTION_TEMPLATES)
    check_refused_form(parsed, "transaction")
    state.check_known(parsed.user_id)
    entry = record(parsed, "transaction", None)
    return ok({"message_id": entry["message_id"], "user_id": parsed.user_id})


@messages_api.post("/v3.0/oa/message/promotion")
@oa_api
def send_promotion() -> Response:
    """Promotion template: followers only, never at night, per-user daily and monthly quota."""
    state = get_state()
    parsed = parse_template_message(json_body(), state.config, frozenset({"promotion"}))
    check_refused_form(parsed, "promotion")
    state.charge_promotion(parsed.user_id)
    entry = record(parsed, "promotion", "promotion")
    return ok({"message_id": entry["message_id"], "user_id": parsed.user_id})


@messages_api.post("/v3.0/oa/message/template")
@oa_api
def send_zbs_template() -> Response:
    """ZBS template by UID (the 2026 replacement of promotion by UID): same rules as promotion."""
    state = get_state()
    parsed = parse_zbs_message(json_body())
    state.charge_promotion(parsed.user_id)
    entry = record(parsed, "template", "promotion")
    return ok({"message_id": entry["message_id"], "user_id": parsed.user_id})
