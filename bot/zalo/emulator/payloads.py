"""Payload shapes (§3.2, §3.3): pure validation of outgoing messages, raising Zalo's codes."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.errors import ZaloError

TRANSACTION_TEMPLATES = frozenset({
    "transaction_order", "transaction_billing", "transaction_reward", "transaction_contract",
    "transaction_booking", "transaction_membership", "transaction_event", "transaction_transaction",
    "transaction_account", "transaction_internal", "transaction_partnership", "transaction_education",
    "transaction_rating",
})

BUTTON_TYPES = frozenset({"oa.open.url", "oa.query.show", "oa.query.hide", "oa.open.phone", "oa.open.sms"})
MEDIA_TYPES = frozenset({"image", "gif", "sticker"})
ELEMENT_LIMITS = {"header": 100, "text": 1000}


@dataclass(frozen=True)
class ParsedMessage:
    """What the emulator records about an outgoing message, whatever endpoint carried it."""

    user_id: str
    text: str | None
    attachment: dict[str, Any] | None
    buttons: list[dict[str, Any]]
    quote_message_id: str | None = None
    attachment_ids: tuple[str, ...] = ()


def _need(condition: bool, what: str) -> None:
    if not condition:
        raise ZaloError(-201, f"Parameters are invalid: {what}")


def _nfc_len(text: str) -> int:
    return len(unicodedata.normalize("NFC", text))


def recipient_of(body: Any) -> str:
    """``{"recipient": {"user_id": "..."}}`` → the user id (ids are digit strings in Zalo)."""
    _need(isinstance(body, dict), "body must be a JSON object")
    recipient = body.get("recipient")
    _need(isinstance(recipient, dict), "recipient")
    user_id = recipient.get("user_id")
    _need(isinstance(user_id, str) and user_id != "", "recipient.user_id")
    return user_id


def check_buttons(buttons: Any, max_buttons: int) -> list[dict[str, Any]]:
    """Buttons as in §3.2's table; more than ``max_buttons`` is -210 (v2's limit of 5)."""
    _need(isinstance(buttons, list) and len(buttons) > 0, "buttons must be a non-empty list")
    if len(buttons) > max_buttons:
        raise ZaloError(-210, f"Parameter exceeds allowed limit: at most {max_buttons} buttons")
    for button in buttons:
        _need(isinstance(button, dict), "button must be an object")
        _need(button.get("type") in BUTTON_TYPES, "button.type")
        title = button.get("title")
        _need(isinstance(title, str) and title.strip() != "", "button.title")
        if _nfc_len(title) > 100:
            raise ZaloError(-210, "Parameter exceeds allowed limit: button.title")
        _check_button_payload(button["type"], button.get("payload"))
    return buttons


def _check_button_payload(kind: str, payload: Any) -> None:
    if kind in ("oa.query.show", "oa.query.hide"):
        _need(isinstance(payload, str) and payload != "", "button.payload must be a string")
    elif kind == "oa.open.url":
        _need(isinstance(payload, dict) and _is_url(payload.get("url")), "button.payload.url")
    else:
        _need(isinstance(payload, dict) and isinstance(payload.get("phone_code"), str),
              "button.payload.phone_code")


def _is_url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def check_text(text: Any, max_chars: int) -> str:
    _need(isinstance(text, str), "message.text must be a string")
    if _nfc_len(text) > max_chars:
        raise ZaloError(-210, f"Parameter exceeds allowed limit: text over {max_chars} characters")
    return text


def parse_cs_message(body: Any, config: EmulatorConfig) -> ParsedMessage:
    """Validate a ``/v3.0/oa/message/cs`` body: text, buttons template, media, file, request_user_info."""
    user_id = recipient_of(body)
    message = body.get("message")
    _need(isinstance(message, dict), "message")
    text = message.get("text")
    attachment = message.get("attachment")
    _need(text is not None or attachment is not None, "message needs text or attachment")
    if text is not None:
        check_text(text, config.max_text_chars)
        _need(text != "" or attachment is not None, "message.text is empty")
    quote = message.get("quote_message_id")
    _need(quote is None or (isinstance(quote, str) and quote != ""), "message.quote_message_id")
    buttons: list[dict[str, Any]] = []
    ids: tuple[str, ...] = ()
    if attachment is not None:
        buttons, ids = _check_cs_attachment(attachment, config)
    return ParsedMessage(user_id, text, attachment, buttons, quote, ids)


Buttons = list[dict[str, Any]]


def _check_cs_attachment(attachment: Any, config: EmulatorConfig) -> tuple[Buttons, tuple[str, ...]]:
    _need(isinstance(attachment, dict), "message.attachment")
    payload = attachment.get("payload")
    _need(isinstance(payload, dict), "message.attachment.payload")
    if attachment.get("type") == "file":
        _need(isinstance(payload.get("token"), str), "attachment.payload.token")
        return [], (payload["token"],)
    if attachment.get("type") != "template":
        raise ZaloError(-233)
    template_type = payload.get("template_type")
    if template_type is None:
        return check_buttons(payload.get("buttons"), config.max_buttons), ()
    if template_type == "media":
        return [], _check_media_elements(payload.get("elements"))
    if template_type == "request_user_info":
        elements = payload.get("elements")
        _need(isinstance(elements, list) and len(elements) == 1 and isinstance(elements[0], dict)
              and isinstance(elements[0].get("title"), str), "request_user_info needs one element with title")
        return [], ()
    # list templates are a v2 feature; v3 cs refuses them (zalo-oa-api.md §3.2, "unavailable unless tested")
    raise ZaloError(-233)


def _check_media_elements(elements: Any) -> tuple[str, ...]:
    _need(isinstance(elements, list) and len(elements) == 1, "media template needs exactly one element")
    element = elements[0]
    _need(isinstance(element, dict) and element.get("media_type") in MEDIA_TYPES, "elements[0].media_type")
    has_url, has_id = "url" in element, "attachment_id" in element
    _need(has_url != has_id, "use either url or attachment_id")
    if has_url:
        _need(_is_url(element["url"]), "elements[0].url")
    if element["media_type"] == "gif":
        _need(isinstance(element.get("width"), int) and isinstance(element.get("height"), int),
              "gif needs width and height")
    if has_id:
        _need(isinstance(element["attachment_id"], str), "elements[0].attachment_id")
        return (element["attachment_id"],)
    return ()


def parse_template_message(body: Any, config: EmulatorConfig, allowed: frozenset[str]) -> ParsedMessage:
    """Transaction / promotion body (§3.3): template elements banner/header/text/table plus buttons."""
    user_id = recipient_of(body)
    message = body.get("message")
    _need(isinstance(message, dict) and isinstance(message.get("attachment"), dict), "message.attachment")
    attachment = message["attachment"]
    payload = attachment.get("payload")
    _need(attachment.get("type") == "template" and isinstance(payload, dict), "attachment.payload")
    _need(payload.get("template_type") in allowed, "template_type")
    elements = payload.get("elements")
    _need(isinstance(elements, list) and len(elements) > 0, "elements")
    lines = [_check_element(element) for element in elements]
    buttons = check_buttons(payload["buttons"], config.max_buttons) if payload.get("buttons") else []
    text = "\n".join(line for line in lines if line) or None
    return ParsedMessage(user_id, text, attachment, buttons)


def _check_element(element: Any) -> str | None:
    """One template element; returns its readable text (header/text) for the message log."""
    _need(isinstance(element, dict), "element")
    kind = element.get("type")
    if kind in ELEMENT_LIMITS:
        content = element.get("content")
        _need(isinstance(content, str), f"{kind}.content")
        if _nfc_len(content) > ELEMENT_LIMITS[kind]:
            raise ZaloError(-210, f"Parameter exceeds allowed limit: {kind}.content")
        return content
    if kind == "banner":
        _need(_is_url(element.get("image_url")) or isinstance(element.get("attachment_id"), str), "banner")
        return None
    if kind == "table":
        rows = element.get("content")
        _need(isinstance(rows, list) and all(isinstance(r, dict) and "key" in r and "value" in r
                                             for r in rows), "table.content")
        return "\n".join(f"{r['key']}: {r['value']}" for r in rows)
    raise ZaloError(-201, "Parameters are invalid: element.type")


def parse_zbs_message(body: Any) -> ParsedMessage:
    """``/v3.0/oa/message/template`` (ZBS by UID): ``{"user_id", "template_id", "template_data"}``."""
    _need(isinstance(body, dict), "body must be a JSON object")
    user_id = body.get("user_id")
    _need(isinstance(user_id, str) and user_id != "", "user_id")
    template_id = body.get("template_id")
    _need(isinstance(template_id, str | int) and str(template_id) != "", "template_id")
    data = body.get("template_data")
    _need(isinstance(data, dict), "template_data")
    attachment = {"type": "zbs_template", "template_id": str(template_id), "template_data": data}
    return ParsedMessage(user_id, None, attachment, [])
