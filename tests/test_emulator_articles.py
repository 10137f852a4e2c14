"""Articles and broadcast in the local Zalo emulator (zalo-oa-api.md §11), over real HTTP.

Every time rule runs on the emulator's clock, which the tests set and advance instead of waiting.
"""

from __future__ import annotations

import re
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from bot.zalo.emulator import EmulatorConfig, EmulatorServer

CREATE, VERIFY, DETAIL = "/v2.0/article/create", "/v2.0/article/verify", "/v2.0/article/getdetail"
SLICE, UPDATE, REMOVE = "/v2.0/article/getslice", "/v2.0/article/update", "/v2.0/article/remove"
BROADCAST = "/v2.0/oa/message"
MONDAY_9AM = "2026-01-05T09:00:00+07:00"


def article_body(title: str = "Hướng dẫn cài VNeID mức 2", **extra: Any) -> dict[str, Any]:
    return {"type": "normal", "title": title, "author": "Ban biên tập", "description": "Các bước cài đặt.",
            "cover": {"cover_type": "photo", "photo_url": "https://example.org/cover.jpg", "status": "show"},
            "body": [{"type": "text", "content": "Bước 1: tải ứng dụng <VNeID>."},
                     {"type": "image", "url": "https://example.org/b1.jpg", "caption": "Màn hình đầu"}],
            "status": "show", "comment": "show", **extra}


class Emu:
    def __init__(self, server: EmulatorServer) -> None:
        self.server = server
        self.http = requests.Session()
        self.headers = {"access_token": server.config.access_token}

    def post(self, path: str, body: Any) -> dict[str, Any]:
        answer = self.http.post(self.server.url + path, json=body, headers=self.headers, timeout=10)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def get(self, path: str, **params: Any) -> dict[str, Any]:
        answer = self.http.get(self.server.url + path, params=params, headers=self.headers, timeout=10)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def control(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        answer = self.http.request(method, self.server.url + "/_emulator" + path, json=body, params=params,
                                   timeout=60)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def clock(self, **body: Any) -> None:
        self.control("POST", "/clock", body)

    def published(self, **extra: Any) -> str:
        """An article created and verified once its processing is over; returns its id."""
        token = self.post(CREATE, article_body(**extra))["data"]["token"]
        self.clock(advance=self.server.config.article_processing_s)
        answer = self.post(VERIFY, {"token": token})
        assert answer["error"] == 0, answer
        return answer["data"]["id"]

    def follower(self, user_id: str, **profile: Any) -> None:
        self.control("PUT", f"/users/{user_id}", {"follower": True, **profile})

    def broadcast(self, article_id: str, target: dict[str, Any] | None = None) -> dict[str, Any]:
        element = {"media_type": "article", "attachment_id": article_id}
        return self.post(BROADCAST, {"recipient": {"target": target or {}}, "message": {"attachment": {
            "type": "template", "payload": {"template_type": "media", "elements": [element]}}}})

    def received(self, user_id: str) -> list[dict[str, Any]]:
        return [m for m in self.control("GET", "/messages", user_id=user_id)["messages"]
                if m["endpoint"] == "broadcast"]


@pytest.fixture
def emu() -> Iterator[Emu]:
    config = EmulatorConfig(clock_start_ms=1_767_578_400_000, access_token_ttl_s=400 * 86_400)  # 2026-01-05 09:00 +07
    with EmulatorServer(config) as server:
        yield Emu(server)


# ---- articles ------------------------------------------------------------------------------------

def test_create_gives_a_token_and_verify_gives_the_id_only_after_processing(emu: Emu) -> None:
    created = emu.post(CREATE, article_body())
    assert created["error"] == 0 and "id" not in created["data"]
    token = created["data"]["token"]
    early = emu.post(VERIFY, {"token": token})
    assert early["error"] == emu.server.config.article_processing_error
    assert "processed" in early["message"]
    emu.clock(advance=emu.server.config.article_processing_s)
    article_id = emu.post(VERIFY, {"token": token})["data"]["id"]
    assert re.fullmatch(r"[0-9a-f]{32}", article_id)
    assert emu.post(VERIFY, {"token": "never-issued"})["error"] == -201


def test_processing_delay_is_a_setting(emu: Emu) -> None:
    emu.control("POST", "/config", {"article_processing_s": 600})
    token = emu.post(CREATE, article_body())["data"]["token"]
    emu.clock(advance=599)
    assert emu.post(VERIFY, {"token": token})["error"] != 0
    emu.clock(advance=1)
    assert emu.post(VERIFY, {"token": token})["error"] == 0
    assert emu.control("GET", "/config")["article_processing_s"] == 600


def test_detail_list_update_remove_and_the_public_page(emu: Emu) -> None:
    first = emu.published(title="Bài một")
    second = emu.published(title="Bài hai")
    detail = emu.get(DETAIL, id=first)["data"]
    assert detail["title"] == "Bài một" and detail["body"][0]["type"] == "text"
    assert detail["link_view"].endswith(f"/_emulator/articles/{first}")
    listed = emu.get(SLICE, offset=0, limit=10, type="normal")["data"]
    assert listed["total"] == 2 and [m["id"] for m in listed["medias"]] == [second, first]
    assert emu.get(SLICE, offset=1, limit=1, type="normal")["data"]["medias"][0]["id"] == first
    assert emu.get(SLICE, offset=0, limit=11, type="normal")["error"] == -201
    assert emu.get(SLICE, offset=0, limit=5, type="photo")["error"] == -201

    page = requests.get(detail["link_view"], timeout=10)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "<h1>Bài một</h1>" in page.text and "&lt;VNeID&gt;" in page.text and "<VNeID>" not in page.text
    assert emu.get(DETAIL, id=first)["data"]["total_view"] == 1

    token = emu.post(UPDATE, {**article_body(title="Bài một (sửa)"), "id": first})["data"]["token"]
    emu.clock(advance=emu.server.config.article_processing_s)
    assert emu.post(VERIFY, {"token": token})["data"]["id"] == first
    assert emu.get(DETAIL, id=first)["data"]["title"] == "Bài một (sửa)"

    assert emu.post(REMOVE, {"id": first})["error"] == 0
    assert emu.get(DETAIL, id=first)["error"] == -201
    assert emu.get(SLICE, offset=0, limit=10, type="normal")["data"]["total"] == 1
    assert requests.get(detail["link_view"], timeout=10).status_code == 404
    assert emu.post(REMOVE, {"id": first})["error"] == -201


@pytest.mark.parametrize(("change", "reason"), [
    ({"title": "x" * 151}, "title"), ({"title": ""}, "title"), ({"description": "d" * 301}, "description"),
    ({"author": "a" * 51}, "author"), ({"cover": {"cover_type": "photo", "photo_url": "x", "status": "show"}}, "cover"),
    ({"cover": {"cover_type": "photo", "photo_url": "https://e.org/c.jpg", "status": "hide"}}, "cover"),
    ({"body": []}, "body"), ({"body": [{"type": "poll"}]}, "type"), ({"status": "draft"}, "status"),
    ({"type": "story"}, "type"),
])
def test_bad_articles_get_zalo_parameter_errors(emu: Emu, change: dict[str, Any], reason: str) -> None:
    answer = emu.post(CREATE, {**article_body(), **change})
    assert answer["error"] == -201 and reason in answer["message"]


def test_title_limit_is_a_setting(emu: Emu) -> None:
    assert emu.post(CREATE, article_body(title="t" * 150))["error"] == 0
    emu.control("POST", "/config", {"article_title_max_chars": 140})
    assert emu.post(CREATE, article_body(title="t" * 141))["error"] == -201
    bad = emu.http.post(emu.server.url + "/_emulator/config", json={"article_title_max_chars": "long"}, timeout=5)
    assert bad.status_code == 400 and "article_title_max_chars" in bad.text


# ---- broadcast -----------------------------------------------------------------------------------

def test_broadcast_waits_for_review_then_reaches_matching_followers(emu: Emu) -> None:
    article = emu.published()
    emu.follower("101", city=9, age=30, gender="female", platform="android")  # Hà Nội
    emu.follower("102", city=4, age=30, gender="female", platform="android")  # Hồ Chí Minh
    emu.follower("103", city=9, age=70, gender="female", platform="android")
    emu.follower("104", city=9, age=30, gender="male", platform="android")
    emu.follower("105", city=9, age=30, gender="female", platform="ios")
    emu.control("PUT", "/users/106", {"follower": False, "city": 9, "age": 30, "gender": 2, "platform": 2})
    answer = emu.broadcast(article, {"cities": "9", "ages": "3", "gender": "2", "platform": "2"})
    assert answer["error"] == 0 and re.fullmatch(r"[0-9a-f]{20}", answer["data"]["message_id"])
    assert emu.received("101") == []
    assert emu.control("GET", "/broadcasts")["broadcasts"][0]["status"] == "reviewing"

    emu.clock(advance=emu.server.config.broadcast_review_s)
    got = emu.received("101")
    assert len(got) == 1 and got[0]["message_id"] == answer["data"]["message_id"]
    element = got[0]["attachment"]["payload"]["elements"][0]
    assert element["attachment_id"] == article and element["link"].endswith(f"/_emulator/articles/{article}")
    assert got[0]["text"] == "Hướng dẫn cài VNeID mức 2"
    assert all(emu.received(u) == [] for u in ("102", "103", "104", "105", "106"))
    summary = emu.control("GET", "/broadcasts")["broadcasts"][0]
    assert summary["status"] == "delivered" and summary["reached"] == 1


def test_locations_select_regions_unless_cities_are_given(emu: Emu) -> None:
    article = emu.published()
    emu.follower("201", city=9)  # North
    emu.follower("202", city=20)  # Central (Đà Nẵng)
    emu.follower("203", city=4)  # South
    emu.broadcast(article, {"locations": "1,2"})
    emu.clock(advance=emu.server.config.broadcast_review_s)
    assert [bool(emu.received(u)) for u in ("201", "202", "203")] == [False, True, True]
    emu.clock(advance=86_400)
    emu.broadcast(article, {"locations": "1", "cities": "9"})
    emu.clock(advance=emu.server.config.broadcast_review_s)
    assert [len(emu.received(u)) for u in ("201", "202", "203")] == [1, 1, 1]


def test_bad_targets_are_refused(emu: Emu) -> None:
    article = emu.published()
    for target in ({"ages": "9"}, {"cities": "4;9"}, {"colour": "1"}, {"gender": ["1"]}):
        assert emu.broadcast(article, target)["error"] == -201, target
    assert emu.broadcast("no-such-article")["error"] == -201
    assert emu.post(BROADCAST, {"recipient": {"user_id": "101"}, "message": {"text": "hi"}})["error"] == -201


def test_per_follower_daily_and_monthly_caps(emu: Emu) -> None:
    article = emu.published()
    emu.follower("301")
    review = emu.server.config.broadcast_review_s
    emu.broadcast(article)
    emu.broadcast(article)
    emu.clock(advance=review)
    assert len(emu.received("301")) == 1  # one a day
    second = emu.control("GET", "/broadcasts")["broadcasts"][1]
    assert second["status"] == "not_sent" and second["skipped_at_cap"] == 1
    for day in range(8, 11):  # three more days: four this month
        emu.clock(set=f"2026-01-{day:02d}T09:00:00+07:00")
        emu.broadcast(article)
        emu.clock(advance=review)
    assert len(emu.received("301")) == 4
    emu.clock(set="2026-01-12T09:00:00+07:00")
    emu.broadcast(article)
    emu.clock(advance=review)
    assert len(emu.received("301")) == 4  # monthly cap
    assert emu.control("GET", "/users/301")["broadcasts_this_month"] == 4
    emu.clock(set="2026-02-02T09:00:00+07:00")
    emu.broadcast(article)
    emu.clock(advance=review)
    assert len(emu.received("301")) == 5  # a new month


def test_oa_monthly_quota_runs_out_with_the_configured_error(emu: Emu) -> None:
    emu.control("POST", "/config", {"broadcast_oa_monthly": 2, "broadcast_quota_error": -223})
    article = emu.published()
    assert emu.broadcast(article)["error"] == 0
    assert emu.broadcast(article)["error"] == 0
    refused = emu.broadcast(article)
    assert refused["error"] == -223 and "quota" in refused["message"]
    emu.clock(set="2026-02-01T09:00:00+07:00")
    assert emu.broadcast(article)["error"] == 0


def test_late_broadcasts_wait_for_the_morning(emu: Emu) -> None:
    article = emu.published()
    emu.follower("401")
    emu.clock(set="2026-01-05T19:45:00+07:00")  # review ends 20:15, after hours
    emu.broadcast(article)
    emu.clock(set="2026-01-06T05:59:00+07:00")
    assert emu.received("401") == []
    emu.clock(set="2026-01-06T06:00:00+07:00")
    got = emu.received("401")
    assert len(got) == 1 and got[0]["at"].startswith("2026-01-05T23:00:00")  # 06:00 +07


def test_review_delay_is_a_setting(emu: Emu) -> None:
    article = emu.published()
    emu.follower("501")
    emu.control("POST", "/config", {"broadcast_review_s": 60})
    emu.broadcast(article)
    emu.clock(advance=59)
    assert emu.received("501") == []
    emu.clock(advance=1)
    assert len(emu.received("501")) == 1


def test_broadcasts_keep_their_place_in_the_message_log(emu: Emu) -> None:
    article = emu.published()
    emu.follower("601")
    emu.broadcast(article)
    emu.clock(advance=emu.server.config.broadcast_review_s)
    emu.control("PUT", "/users/601", {"last_interaction": emu.control("GET", "/clock")["now_ms"]})
    sent = emu.post("/v3.0/oa/message/cs", {"recipient": {"user_id": "601"}, "message": {"text": "Dạ, chào bạn."}})
    assert sent["error"] == 0
    endpoints = [m["endpoint"] for m in emu.control("GET", "/messages", user_id="601")["messages"]]
    assert endpoints == ["broadcast", "cs"]
    with_refused = emu.control("GET", "/messages", user_id="601", include_refused="1")["messages"]
    assert [m["status"] for m in with_refused] == ["sent", "sent"]
    emu.control("DELETE", "/messages")
    assert emu.received("601") == []


def test_bulk_followers_are_reached_and_counted(emu: Emu) -> None:
    made = emu.control("POST", "/users/bulk", {"count": 5000, "last_interaction_days": [0, 60],
                                               "never_interacted": 0.1, "seed": 7})
    assert made["count"] == 5000 and made["followers"] == 5000
    first, last = int(made["first_user_id"]), int(made["last_user_id"])
    assert last - first == 4999
    one = emu.control("GET", f"/users/{first + 17}")
    assert one["follower"] is True and 0 <= one["city"] <= 62
    assert emu.get("/v2.0/oa/getoa")["data"]["num_follower"] == 5000
    article = emu.published()
    emu.broadcast(article, {"locations": "0"})
    emu.clock(advance=emu.server.config.broadcast_review_s)
    summary = emu.control("GET", "/broadcasts")["broadcasts"][0]
    assert 1500 < summary["matched"] < 2500  # 25 of the 63 provinces are northern
    assert summary["reached"] == summary["matched"]
    reached = [n for n in range(first, first + 50) if emu.received(str(n))]
    regions = {emu.control("GET", f"/users/{n}")["region"] for n in reached}
    assert reached and regions == {0}
    bad = emu.http.post(emu.server.url + "/_emulator/users/bulk", json={"count": 0}, timeout=5)
    assert bad.status_code == 400


def test_bulk_followers_follow_the_chat_rules_too(emu: Emu) -> None:
    recent = emu.control("POST", "/users/bulk", {"count": 3, "last_interaction_days": [0, 1]})
    stale = emu.control("POST", "/users/bulk", {"count": 3, "last_interaction_days": [8, 30], "city": 4})
    text = {"message": {"text": "Dạ, chào bạn."}}
    assert emu.post("/v3.0/oa/message/cs", {"recipient": {"user_id": recent["first_user_id"]}, **text})["error"] == 0
    assert emu.post("/v3.0/oa/message/cs", {"recipient": {"user_id": stale["first_user_id"]}, **text})["error"] == -230
    assert emu.control("GET", f"/users/{stale['last_user_id']}")["city"] == 4
    emu.control("PUT", f"/users/{stale['last_user_id']}", {"follower": False})
    assert emu.get("/v2.0/oa/getoa")["data"]["num_follower"] == 5


def test_bulk_followers_are_memory_frugal(emu: Emu) -> None:
    """100,000 followers stay far below what 100,000 Python records would take (~1 KB each)."""
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        emu.control("POST", "/users/bulk", {"count": 100_000, "last_interaction_days": [0, 90]})
        growth = sum(stat.size_diff for stat in tracemalloc.take_snapshot().compare_to(before, "filename"))
    finally:
        tracemalloc.stop()
    assert growth < 100_000 * 60, f"{growth / 100_000:.0f} bytes per follower"
