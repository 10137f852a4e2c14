"""The sandbox on a small phone (360×740): tap targets of at least 44 px, no chip cut off, Vietnamese
labels, and the moderator's queue and an answer as a phone shows them (issue 15 items 6 and 8).

Screenshots go to var/screenshots/ (DXBOT_SCREENSHOTS=docs/screenshots refreshes the report's).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser_support import Sandbox, chromium, sandbox_fixture, screenshot
from tests.test_sandbox_browser import MODERATOR, TIMEOUT_MS, become, bot_says, expect, say

if TYPE_CHECKING:
    from playwright.sync_api import Page

SMALL_PHONE = {"width": 360, "height": 740}
MIN_TAP_PX = 44


sandbox = sandbox_fixture("sandbox-phone")


@pytest.fixture()
def page(sandbox: Sandbox) -> Iterator[Page]:
    with chromium() as browser:
        context = browser.new_context(viewport=SMALL_PHONE, device_scale_factor=1, locale="vi-VN")
        page = context.new_page()
        page.goto(sandbox.url + "/sandbox")
        page.wait_for_selector("body[data-ready='1']")
        yield page
        context.close()


def _small_targets(page: Page, selector: str) -> list[str]:
    """Visible buttons under `selector` smaller than a finger (44 px in both directions)."""
    return page.evaluate("""([selector, min]) => [...document.querySelectorAll(selector)]
        .filter((b) => b.offsetParent !== null)
        .map((b) => [b.innerText.trim() || b.getAttribute('aria-label'), b.getBoundingClientRect()])
        .filter(([, r]) => r.height < min || r.width < min)
        .map(([t, r]) => `${t}: ${Math.round(r.width)}×${Math.round(r.height)}`)""", [selector, MIN_TAP_PX])


def _clipped_chips(page: Page) -> list[str]:
    """Chips whose text does not fit, or that reach past the screen's edge."""
    return page.evaluate("""() => [...document.querySelectorAll('#chips button')].filter((b) => {
        const r = b.getBoundingClientRect();
        return b.scrollWidth > b.clientWidth + 1 || r.right > window.innerWidth || r.left < 0;
      }).map((b) => b.innerText)""")


def test_tap_targets_and_chips_fit_a_360_px_phone(page: Page, sandbox: Sandbox) -> None:
    expect(page.locator("#chips button").first).to_be_visible()
    assert "hủy đăng ký" in page.locator("#chips").inner_text()
    assert _clipped_chips(page) == []
    assert _small_targets(page, "#chips button, .composer button, .zalo-header button") == []
    say(page, "chào ad, cho hỏi Ngày Chuyển đổi số quốc gia là ngày nào")
    answer = bot_says(page, "Nguồn")
    expect(answer.locator(".qr-buttons button", has_text="Xem thêm")).to_be_visible()
    assert _small_targets(page, ".qr-buttons button") == []
    assert "http" not in answer.locator(".bubble").first.inner_text()
    page.click("#attach")
    expect(page.locator("#photo-pick")).to_have_text("Chọn ảnh…")
    page.click("#attach")
    screenshot(page, "phone-answer-after")


def test_the_moderator_queue_on_a_phone_is_tapped_through(page: Page, sandbox: Sandbox) -> None:
    citizen = page.evaluate("JSON.parse(localStorage.getItem('dxbot-sandbox-v1')).active")
    become(page, MODERATOR)
    say(page, "/thongke")  # the moderator has written to the OA: Zalo's window is open for notices
    bot_says(page, "Câu hỏi chưa trả lời được")
    become(page, citizen)
    for n, place in enumerate(("Tuyên Quang", "Huế")):
        say(page, "gửi câu chuyện")
        bot_says(page, "Bước 1/4" if n == 0 else "Bước 1/4")
        say(page, f"Chợ số ở {place}")
        say(page, place)
        bot_says(page, "Bước 3/4")
        say(page, "Từ đầu năm, các tiểu thương ở chợ xã em đều dán mã QR để người mua chuyển khoản. "
                  f"Bà con ở {place} không phải cầm nhiều tiền mặt, người bán cũng không lo thiếu tiền lẻ.")
        page.locator(".qr-buttons button", has_text="Xong").last.click()
        page.locator(".qr-buttons button", has_text="Đồng ý").last.click()
        bot_says(page, "Câu chuyện đã được gửi với mã")
    become(page, MODERATOR)
    bot_says(page, "Câu chuyện mới #", timeout=TIMEOUT_MS)
    say(page, "/hangdoi")
    queue = bot_says(page, "chờ duyệt (cũ nhất trước)")
    expect(queue.locator(".qr-buttons button", has_text="Duyệt")).to_be_visible()
    assert _small_targets(page, ".qr-buttons button") == []
    screenshot(page, "phone-moderator-queue-after")
    queue.locator(".qr-buttons button", has_text="Duyệt").click()
    card = bot_says(page, "Tiếp theo, còn 1")
    card.locator(".qr-buttons button", has_text="Duyệt").click()
    bot_says(page, "Không còn câu chuyện nào chờ duyệt")
    screenshot(page, "phone-moderator-cleared-after")
