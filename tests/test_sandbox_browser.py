"""The sandbox web chat in a real browser (Debian's Chromium driven by Playwright).

The page talks to the emulator, the emulator to the web app's webhook, real `dxbot worker` and
`dxbot scheduler` processes answer: what passes here is what a person sees in `make run`.
Screenshots go to var/screenshots/ (DXBOT_SCREENSHOTS=docs/screenshots refreshes the README's).
"""

from __future__ import annotations

import json
import struct
import time
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
import requests

from bot.infra import keys

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page
    from playwright.sync_api._generated import LocatorAssertions

from tests.browser_support import PHONE, Sandbox, chromium, sandbox_fixture, screenshot
from tests.support import wait_for

MODERATOR = "9000000000000000009"  # the sandbox's default moderator (bot.config.SANDBOX_MODERATOR_ID)
TIMEOUT_MS = 25_000


sandbox = sandbox_fixture("sandbox-var")


@pytest.fixture(scope="module")
def browser(sandbox: Sandbox) -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture()
def page(browser: Browser, sandbox: Sandbox) -> Iterator[Page]:
    """A fresh browser profile (its own personas) on a phone-sized window."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(sandbox.url + "/sandbox")
    page.wait_for_selector("body[data-ready='1']")
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def expect(locator: Locator) -> LocatorAssertions:
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def say(page: Page, text: str) -> None:
    page.fill("#text", text)
    page.press("#text", "Enter")


def bot_message(page: Page, index: int) -> Locator:
    return page.locator(".msg.bot").nth(index)


def active_user(page: Page) -> str:
    return page.evaluate("JSON.parse(localStorage.getItem('dxbot-sandbox-v1')).active")


def become(page: Page, user_id: str) -> None:
    """Switch persona the way a person does on a phone: open the drawer, tap the persona."""
    page.click("#open-panel")
    page.click(f"[data-persona='{user_id}']")
    expect(page.locator(f"[data-persona='{user_id}']")).to_have_class("active")


def png_bytes(width: int = 64, height: int = 48) -> bytes:
    """A small real PNG photo (a gradient), made here so the test needs no image library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"".join(bytes((x * 4 % 256, 120, 255 - y * 5 % 256)) for x in range(width))
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_question_gets_a_sourced_answer_and_quick_replies_work(page: Page, sandbox: Sandbox) -> None:
    expect(page.locator(".oa-name")).to_contain_text("Chuyển đổi số quốc gia")
    expect(page.locator(f"[data-persona='{MODERATOR}']")).to_contain_text("Kiểm duyệt")
    citizen = active_user(page)
    assert citizen.isdigit() and citizen != MODERATOR

    moderator_button = page.locator(f"[data-persona='{MODERATOR}']").element_handle()
    say(page, "ngay chuyen doi so quoc gia la ngay nao")  # typed without diacritics, as many people do
    answer = bot_message(page, 0)
    expect(answer).to_contain_text("Nguồn", timeout=TIMEOUT_MS)
    # the reply re-rendered the persona list; the button a finger may be on is the same node (a replaced one
    # swallows a tap in flight: a persona switch was lost that way under load)
    assert moderator_button.evaluate("b => b.isConnected")
    expect(answer).to_contain_text("10")
    expect(answer.locator(".meta")).to_contain_text("Đã gửi")
    expect(answer.locator(".meta")).to_contain_text("cs · reply")  # a free reply inside the 48-hour window
    [sent] = sandbox.messages(citizen)
    assert sent["endpoint"] == "cs" and "Nguồn" in sent["text"]

    page.click("#banner-follow")  # "Quan tâm": Zalo sends `follow`, the bot welcomes with a help button
    welcome = bot_message(page, 1)
    expect(welcome).to_contain_text("Chào mừng", timeout=TIMEOUT_MS)
    expect(page.locator("#follow-banner")).to_be_hidden()
    welcome.locator(".qr-buttons button").first.click()
    expect(page.locator(".msg.me").last).to_contain_text("trợ giúp")  # the button's payload, sent as text
    expect(bot_message(page, 2)).to_contain_text("Bạn có thể nhắn cho kênh", timeout=TIMEOUT_MS)
    screenshot(page, "sandbox-question")


def test_photo_link_and_clock(page: Page, sandbox: Sandbox) -> None:
    citizen = active_user(page)
    page.click("#attach")
    page.set_input_files("#photo-file", files=[{"name": "anh.png", "mimeType": "image/png", "buffer": png_bytes()}])
    photo = page.locator(".msg.me .photo img").last
    expect(photo).to_be_visible(timeout=TIMEOUT_MS)
    src = photo.get_attribute("src")
    assert src and "/sandbox/media/" in src
    served = requests.get(src, timeout=5)
    assert served.status_code == 200 and served.content == png_bytes()  # the bot's workers can fetch it
    expect(page.locator(".msg.me").last).to_contain_text("Đã gửi", timeout=TIMEOUT_MS)

    page.click("#attach")
    page.fill("#link-url", "https://dichvucong.gov.vn")
    page.click("#link-form button")
    expect(page.locator(".msg.me .link-card").last).to_contain_text("https://dichvucong.gov.vn")
    expect(page.locator(".msg.me").last).to_contain_text("Đã gửi", timeout=TIMEOUT_MS)
    # The bot answered both (whatever the handlers say, Zalo recorded a reply for each).
    wait_for(lambda: len(sandbox.messages(citizen)) >= 2, TIMEOUT_MS / 1000, "the bot's answers to both")

    before = requests.get(f"{sandbox.emulator_url}/_emulator/clock", timeout=5).json()["now_ms"]
    old_label = page.inner_text("#clock")
    page.click("#open-panel")
    page.click("[data-advance='86400']")
    expect(page.locator("#clock")).not_to_have_text(old_label)
    after = requests.get(f"{sandbox.emulator_url}/_emulator/clock", timeout=5).json()["now_ms"]
    assert 86_400_000 <= after - before < 86_400_000 + 60_000
    offset = int(sandbox.redis.get(keys.CLOCK_OFFSET) or 0)
    assert 86_400_000 - 60_000 < offset < 86_400_000 + 60_000  # the bot's clock moved with Zalo's


def test_sandbox_page_state_survives_reload(page: Page, sandbox: Sandbox) -> None:
    """Personas and what the person sent live in the browser; the bot's side comes from the emulator."""
    page.click("#open-panel")
    page.click(".new-persona summary")
    page.fill("#persona-name", "Trần Thị Lan")
    page.fill("#persona-id", "1234567890123")
    page.click("#persona-form button[type=submit]")
    expect(page.locator("[data-persona='1234567890123']")).to_have_class("active")
    say(page, "menu")
    expect(bot_message(page, 0)).to_contain_text("Bạn có thể nhắn cho kênh", timeout=TIMEOUT_MS)
    user = requests.get(f"{sandbox.emulator_url}/_emulator/users/1234567890123", timeout=5).json()
    assert user["display_name"] == "Trần Thị Lan"  # what the bot reads from /v3.0/oa/user/detail
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator(".msg.me")).to_contain_text("menu")
    expect(bot_message(page, 0)).to_contain_text("Bạn có thể nhắn cho kênh")
    stored = json.loads(page.evaluate("localStorage.getItem('dxbot-sandbox-v1')"))
    assert stored["active"] == "1234567890123"


def bot_says(page: Page, fragment: str, timeout: int = TIMEOUT_MS) -> Locator:
    """The newest bot message containing `fragment`, once it has arrived."""
    message = page.locator(".msg.bot", has_text=fragment).last
    expect(message).to_be_visible(timeout=timeout)
    return message


def add_persona(page: Page, name: str, user_id: str) -> None:
    page.click("#open-panel")
    page.click(".new-persona summary")
    page.fill("#persona-name", name)
    page.fill("#persona-id", user_id)
    page.click("#persona-form button[type=submit]")
    expect(page.locator(f"[data-persona='{user_id}']")).to_have_class("active")  # and the drawer closes


def long_silent_follower(sandbox: Sandbox) -> str:
    """A follower and subscriber whose last message was a month ago: no CS window, only the broadcast."""
    from bot.digest import subscribers

    user = "7000000000000000042"
    now_ms = requests.get(f"{sandbox.emulator_url}/_emulator/clock", timeout=5).json()["now_ms"]
    month_ago = now_ms - 30 * 86_400_000
    requests.put(f"{sandbox.emulator_url}/_emulator/users/{user}", json={"follower": True,
                 "last_interaction": month_ago}, timeout=5).raise_for_status()
    subscribers.subscribe(sandbox.redis, user, interaction_ms=month_ago)
    return user


def start_on_a_saturday(sandbox: Sandbox) -> None:
    """Start the walk on the coming Saturday 10:00 (Vietnam time), whatever today is: the Monday digest then
    falls inside the 48-hour free reply window, as for a citizen who chatted over the weekend."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from bot.config import Settings
    from bot.infra import clock

    settings = Settings.from_env(sandbox.env, load_dotenv_file=False)
    now_ms = requests.get(f"{sandbox.emulator_url}/_emulator/clock", timeout=5).json()["now_ms"]
    now = datetime.fromtimestamp(now_ms / 1000, ZoneInfo("Asia/Ho_Chi_Minh"))
    saturday = (now + timedelta(days=(5 - now.weekday()) % 7 or 7)).replace(hour=10, minute=0, second=0,
                                                                              microsecond=0)
    clock.move(sandbox.redis, settings, to=saturday)


def test_walk_question_story_with_photo_moderation_and_monday_digest(page: Page, sandbox: Sandbox) -> None:
    """The evaluator's first session: ask, tell a story with a photo, approve it as the moderator, see the
    notice, move the clock to Monday 08:00 and receive the weekly digest."""
    started = time.monotonic()
    start_on_a_saturday(sandbox)
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    citizen = active_user(page)

    page.click("#banner-follow")  # following the OA subscribes to the weekly digest
    bot_says(page, "Chào mừng")
    say(page, "Ngày Chuyển đổi số quốc gia là ngày nào?")
    expect(bot_says(page, "Nguồn")).to_contain_text("10")

    page.locator(".chips button", has_text="gửi câu chuyện").click()
    bot_says(page, "Bước 1/4")
    say(page, "Chợ quê dùng mã QR")
    bot_says(page, "Bước 2/4")
    say(page, "Tuyên Quang")
    bot_says(page, "Bước 3/4")
    say(page, "Từ đầu năm, các tiểu thương ở chợ xã em đều dán mã QR để người mua chuyển khoản. "
              "Bà con không phải cầm nhiều tiền mặt, người bán cũng không lo thiếu tiền lẻ.")
    bot_says(page, "Đã nhận (")
    page.click("#attach")
    page.set_input_files("#photo-file", files=[{"name": "cho-que.png", "mimeType": "image/png",
                                                "buffer": png_bytes(160, 120)}])
    bot_says(page, "Đã nhận ảnh 1/")
    page.locator(".qr-buttons button", has_text="Xong").last.click()  # the bot's quick reply "Xong"
    summary = bot_says(page, "Bước 4/4")
    expect(summary).to_contain_text("Ảnh: 1")
    summary.locator(".qr-buttons button").get_by_text("Đồng ý", exact=True).click()
    submitted = bot_says(page, "Câu chuyện đã được gửi với mã")
    code = submitted.inner_text().split("#", 1)[1].split(".", 1)[0].strip()
    assert code.isalnum(), submitted.inner_text()
    screenshot(page, "sandbox-story-submitted")

    become(page, MODERATOR)
    # This moderator never wrote to the OA, so Zalo refused the notice (-230); their first message is told
    # what waits, and the queue's buttons do the rest.
    say(page, "/hangdoi")
    bot_says(page, "Zalo chỉ cho kênh nhắn bạn")
    queue = bot_says(page, "chờ duyệt (cũ nhất trước)")
    expect(queue).to_contain_text(f"#{code}")
    queue.locator(".qr-buttons button", has_text="Duyệt").click()
    bot_says(page, f"Đã duyệt #{code}")
    screenshot(page, "sandbox-moderator")

    become(page, citizen)
    expect(bot_says(page, "đã được duyệt")).to_contain_text(f"#{code}")
    article = bot_says(page, "đã lên kênh thành bài viết")  # the story's own article, to share
    link = sandbox.redis.hget(f"dxbot:story:{code}", "article_link").decode()
    expect(article).to_contain_text(link)
    expect(article.locator(f".article-card[href='{link}']")).to_be_visible()  # the article card in the chat
    assert requests.get(link, timeout=5).status_code == 200
    screenshot(page, "sandbox-story-article")

    quiet = long_silent_follower(sandbox)  # followed long ago, has not written for a month
    page.click("#open-panel")
    page.click("#jump-digest")
    expect(page.locator("#clock")).to_contain_text("08:00")
    page.click("#close-panel")
    digest = bot_says(page, "Bản tin Chuyển đổi số tuần", timeout=60_000)  # in the window: the short link
    expect(digest).to_contain_text("đã lên kênh")
    expect(digest.locator(".meta")).to_contain_text("Đã gửi")
    [delivered] = [m for m in sandbox.messages(citizen) if "Bản tin Chuyển đổi số tuần" in (m.get("text") or "")]
    assert delivered["endpoint"] == "cs"
    elapsed = time.monotonic() - started
    requests.post(f"{sandbox.emulator_url}/_emulator/clock", json={"advance": 1800}, timeout=5)  # Zalo's review
    add_persona(page, "Người ít nhắn", quiet)
    card = page.locator(".msg.bot .article-card", has_text="Bản tin Chuyển đổi số tuần").last
    expect(card).to_be_visible(timeout=60_000)
    [got] = [m for m in sandbox.messages(quiet) if m.get("endpoint") == "broadcast"]
    assert got["attachment"]["payload"]["elements"][0]["media_type"] == "article"
    expect(page.locator("#toast")).to_be_hidden(timeout=10_000)
    screenshot(page, "sandbox-digest")
    page.set_viewport_size({"width": 1280, "height": 900})  # the desktop layout: chat and control panel
    page.locator("#messages").evaluate("box => { box.scrollTop = box.scrollHeight; }")
    screenshot(page, "sandbox-desktop")
    print(f"walk from a fresh page to the Monday digest: {elapsed:.1f} s")
