"""OA API, reading: OA profile, user detail and per-user message quota (§6.1, §6.3, §4)."""

from __future__ import annotations

import hashlib
from typing import Any

from flask import Blueprint, Response, request

from bot.zalo.emulator.errors import ZaloError
from bot.zalo.emulator.state import EmulatorState
from bot.zalo.emulator.web import get_state, json_body, oa_api, ok, query_data

users_api = Blueprint("zalo_users", __name__)


@users_api.post("/v3.0/oa/quota/message")
@oa_api
def quota_message() -> Response:
    body = json_body()
    user_id = body.get("user_id") if isinstance(body, dict) else None
    if not isinstance(user_id, str) or not user_id:
        raise ZaloError(-201, "Parameters are invalid: user_id")
    return ok(get_state().quota(user_id))


FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
MIDDLE = ("Văn", "Thị", "Minh", "Hữu", "Ngọc", "Thanh", "Quốc", "Thu")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Hà", "Lan", "Phúc", "Quân", "Trang", "Vy", "Hùng", "Mai")


def _digest(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest(), 16)


def generated_name(user_id: str) -> str:
    """A stable Vietnamese display name per user id (diacritics on purpose: the bot must handle them)."""
    n = _digest("name", user_id)
    return f"{FAMILY[n % 10]} {MIDDLE[(n // 10) % 8]} {GIVEN[(n // 80) % 12]}"


def user_id_by_app(app_id: str, user_id: str) -> str:
    """A stable app-scoped id: Zalo gives each app its own id for the same person (§2.1)."""
    return str(10**17 + _digest(app_id, user_id) % (9 * 10**17))


@users_api.get("/v2.0/oa/getoa")
@oa_api
def get_oa() -> Response:
    """OA profile (§6.3): the cheapest authenticated read, which `dxbot doctor` uses to test the token."""
    cfg = get_state().config
    return ok({"oa_id": cfg.oa_id, "name": "Chuyển đổi số quốc gia (sandbox)", "description": "",
               "is_verified": True, "num_follower": get_state().follower_count()})


@users_api.get("/v3.0/oa/user/detail")
@oa_api
def user_detail() -> Response:
    """Profile of one user (§6.1); unknown users are -201 as for any id Zalo cannot resolve."""
    state = get_state()
    user_id = query_data().get("user_id")
    user = state.known_user(str(user_id)) if user_id else None
    if user is None:
        raise ZaloError(-201, "user_id is invalid")
    avatar = f"{request.host_url}_emulator/media/avatar-{user.user_id}.png"
    data: dict[str, Any] = {
        "user_id": user.user_id, "user_id_by_app": user_id_by_app(state.config.app_id, user.user_id),
        "user_external_id": "", "display_name": user.display_name or generated_name(user.user_id),
        "user_alias": "", "is_sensitive": False,
        "user_last_interaction_date": _ddmmyyyy(state, user.last_interaction_ms),
        "user_is_follower": user.follower, "avatar": avatar, "avatars": {"120": avatar, "240": avatar},
        "tags_and_notes_info": {"tag_names": [], "notes": []},
    }
    if user.shared_info:
        data["shared_info"] = user.shared_info
    return ok(data)


def _ddmmyyyy(state: EmulatorState, ms: int | None) -> str:
    return "" if ms is None else state.local(ms).strftime("%d/%m/%Y")
