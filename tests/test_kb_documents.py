"""Round 29: a source carried in the repository (``document``) instead of a link a citizen cannot check.

The channel's founding article has no public address we know; it was cited at the 21 stories' site
(t63.mic.gov.vn), a link that does not hold the article. A source now names either a ``url`` or a ``document``
under ``content/sources/``; the loader and ``dxbot kb check`` verify the document exists and holds the quote
verbatim, and the citizen reads the article's title, publisher and year with no link.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.infra.texts import render
from bot.kb import get_kb, load_kb
from bot.kb.checks import check_kb
from bot.kb.decision import answer_text, source_line
from bot.kb.documents import document_path, verbatim_in
from bot.kb.loader import CONTENT_DIR, load_messages, parse_kb
from tests.support import BotHarness
from tests.test_kb_sources import TODAY, entry, source

ARTICLE = "sources/bai-viet.txt"
ARTICLE_TEXT = ("Ngày 22/4/2022, Thủ tướng quyết định lấy ngày 10 tháng 10 hằng năm\nlà Ngày Chuyển đổi số quốc gia. "
                "Bài viết gốc của kênh.\n")
FOUNDING = "sources/chuyen-doi-so-nhan-thuc-2022.txt"
USER = "2929292929292929292"


def document_source(**changes: str | None) -> dict[str, str]:
    """A source read from the carried document (no url); ``None`` drops a field."""
    merged = {**source(url=None), "document": ARTICLE,
              "quote": "lấy ngày 10 tháng 10 hằng năm là Ngày Chuyển đổi số quốc gia", **changes}
    return {k: v for k, v in merged.items() if v is not None}


def write(tmp_path: Path, body: str, document: str | None = ARTICLE_TEXT) -> Path:
    """A KB directory ``tmp/kb`` beside ``tmp/sources`` (as content/kb beside content/sources)."""
    directory = tmp_path / "kb"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "kb.toml").write_text(body, encoding="utf-8")
    if document is not None:
        (tmp_path / "sources").mkdir(exist_ok=True)
        (tmp_path / "sources" / "bai-viet.txt").write_text(document, encoding="utf-8")
    return directory


def test_a_document_source_with_its_quote_passes(tmp_path: Path) -> None:
    """The quote spans a line break in the file: whitespace is all that is normalised."""
    assert check_kb(write(tmp_path, entry(sources=[document_source()])), today=TODAY) == []


@pytest.mark.parametrize(("changes", "document", "needle"), [
    ({}, None, "names a document that does not exist or cannot be read: 'sources/bai-viet.txt'"),
    ({"quote": "lấy ngày 10 tháng 11 hằng năm"}, ARTICLE_TEXT, "does not contain verbatim"),
    ({"quote": "lấy ngày 10 tháng 10 … Ngày Chuyển đổi số quốc gia"}, ARTICLE_TEXT, "does not contain verbatim"),
    ({"document": None}, ARTICLE_TEXT, "has neither a url nor a document"),
    ({"url": "https://t63.mic.gov.vn/"}, ARTICLE_TEXT, "has both a url and a document"),
    ({"document": "../kb/kb.toml"}, ARTICLE_TEXT, "has a bad document '../kb/kb.toml'"),
    ({"document": "/etc/passwd"}, ARTICLE_TEXT, "has a bad document '/etc/passwd'"),
    ({"document": "kb/kb.toml"}, ARTICLE_TEXT, "has a bad document 'kb/kb.toml'"),
])
def test_each_document_rule_fails_with_a_clear_line(tmp_path: Path, changes: dict[str, str | None],
                                                    document: str | None, needle: str) -> None:
    directory = write(tmp_path, entry(sources=[document_source(**changes)]), document)
    problems = check_kb(directory, today=TODAY)
    assert any(needle in p and "kb.toml: entry 'ngay-cds'" in p and "source #1" in p for p in problems), problems
    _, loaded = parse_kb(directory)  # the loader's validation reports it too, without ``kb check``
    assert any(needle in p for p in loaded), loaded


def test_a_quote_not_in_the_document_still_answers_but_a_missing_document_does_not_cite(tmp_path: Path) -> None:
    """A slip in the quote is the editors' (``kb check`` fails); a source whose document is gone is not cited."""
    wrong = load_kb(write(tmp_path, entry(sources=[document_source(quote="không có trong bài")])))
    assert wrong.by_id["ngay-cds"].sources[0].document == ARTICLE
    gone = load_kb(write(tmp_path / "gone", entry(sources=[source(), document_source()]), document=None))
    assert [s.url for s in gone.by_id["ngay-cds"].sources] == [source()["url"]]


def test_verbatim_means_word_for_word() -> None:
    text = "Chuyển đổi số  trước tiên\nlà chuyển đổi nhận thức."
    assert verbatim_in("Chuyển đổi số trước tiên là chuyển đổi nhận thức", text)
    assert verbatim_in("chuyển đổi nhận thức".replace("ổ", "o\u0302\u0309"), text)  # decomposed marks (NFD)
    assert not verbatim_in("Chuyển đổi số … nhận thức", text)
    assert not verbatim_in("chuyển đổi nhận thức", "Chuyển đổi nhận thức")  # case is the article's
    assert not verbatim_in("", text)
    assert document_path("sources/a/b.txt", Path("/c")) == Path("/c/sources/a/b.txt")
    assert document_path("sources/../kb/x.toml", Path("/c")) is None


def test_a_document_is_cited_by_title_publisher_and_year_without_a_link(tmp_path: Path) -> None:
    kb = load_kb(write(tmp_path, entry(sources=[document_source()])))
    cited = kb.by_id["ngay-cds"].sources[0]
    line = source_line(cited, kb.messages)
    assert cited.title in line and "Báo Điện tử Chính phủ" in line and "2022" in line
    assert "http" not in line and line in answer_text(kb.by_id["ngay-cds"], kb.messages)
    assert cited.as_dict() == {"title": cited.title, "publisher": "Báo Điện tử Chính phủ", "url": None,
                               "date": "2022-04-22", "document": ARTICLE}
    json.dumps(cited.as_dict())  # what ``dxbot ask --json`` prints


def test_the_founding_article_is_carried_and_cited_without_the_stories_site() -> None:
    """Every source citing the founding article reads it from its carried copy; none gives t63 as its address."""
    kb = get_kb()
    messages = load_messages(CONTENT_DIR / "messages" / "qa.toml")
    cited = [(e, s) for e in kb.entries for s in e.sources if s.title == "Chuyển đổi số trước tiên là chuyển đổi "
             "nhận thức"]
    assert len(cited) >= 40
    assert all(s.document == FOUNDING and not s.url for _, s in cited)
    article = (CONTENT_DIR / FOUNDING).read_text(encoding="utf-8")
    assert all(verbatim_in(s.quote, article) for _, s in cited)
    for e, s in cited:
        assert "t63.mic.gov.vn" not in source_line(s, messages), e.id


def test_an_answer_citing_the_founding_article_shows_no_t63_link_for_it(bot: BotHarness) -> None:
    """Through the webhook: the channel's own entry cites the article; neither the answer nor "Xem thêm" links the
    article to t63.mic.gov.vn, and "Xem thêm" names its publisher and year."""
    kb = get_kb()
    article = kb.by_id["kenh-la-gi"].sources[0]
    assert article.document == FOUNDING
    bot.send(USER, kb.by_id["kenh-la-gi"].title)
    bot.settle()
    first = bot.messages(USER)[-1]
    assert first["text"].startswith(kb.by_id["kenh-la-gi"].answer.strip()[:40]), first["text"]
    assert "t63.mic.gov.vn" not in first["text"]
    more = [b for b in ((first.get("attachment") or {}).get("payload") or {}).get("buttons") or []
            if b["title"] == render("answer_button_more")]
    assert more, first
    bot.send(USER, more[0]["payload"])
    bot.settle()
    rest = bot.messages(USER)[-1]["text"]
    assert render("answer_more_source_document", title=article.title, publisher=article.publisher, year=2022) in rest
    assert "t63.mic.gov.vn" not in rest
