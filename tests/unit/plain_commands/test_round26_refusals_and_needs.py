"""Round 26 (lane cmd26): the two command bugs the review of cmd25 found, through the router as typed and typed without
diacritics, each rule's both sides. The messages are this lane's own and the reviewer's (its own messages, not an
evaluation set). See docs/qa-history/round-26-cmd26.md.

H5: a refused issue, then a story told with "gửi", sent the digest: the story's "gửi" was read as a request of the
digest that was not refused. A clause whose object sent is a story and that names no digest asks no digest now, and
the rest besides the refusal (before it or after it) is read for the story.

M2: the asker's own help question told with a need outside the 13 problem phrases got the menu. Told with a clause
besides courtesy and the channel, it is the knowledge base's; its answer offers the menu.
"""

from __future__ import annotations

import pytest

from bot.nlp.problem_told import asks_help_with_problem, tells_a_need
from bot.nlp.send_refused import after_refusal, send_refused
from handlers.probe import router_probe
from tests.typed_forms import both_forms

pytestmark = pytest.mark.unit

# H5: the issue refused, a story to tell said with "gửi" after it or before it: the story, never the digest
REFUSED_THEN_A_STORY = [
    ("bản tin tuần này thì thôi nha, tui muốn gửi kênh một câu chuyện", "story"),
    ("không cần gửi bản tin tuần này đâu, tui muốn gửi câu chuyện", "story"),
    ("bản tin tuần này thì khỏi, tui có câu chuyện hay ở xóm muốn gửi kênh", "story"),
    ("bản tin tuần này thì thôi, tui muốn gửi câu chuyện bà Tư bán cá qua zalo", "story"),
    ("thôi khỏi gửi bản tin tuần này, cho tui gửi câu chuyện về hợp tác xã", "story"),
    ("tui gửi câu chuyện về ông nội, bản tin tuần này thì thôi", "story"),
    ("tui muốn gửi câu chuyện về xóm tui, còn bản tin tuần này thì không cần đâu", "story"),
]

# … and what looks like it: a question about a story sent, a story asked to be sent to the asker to read, a reason
# told, the refusal alone: none of them is a command; a digest asked beside a story named is still the digest
REFUSED_THEN_NO_STORY = [
    ("bản tin tuần này thì thôi, gửi câu chuyện có được nhuận bút không", None),
    ("bản tin tuần này thì thôi, tui gửi câu chuyện hôm bữa rồi mà chưa thấy đăng", None),
    ("bản tin tuần này thì thôi, mà gửi câu chuyện thì bao lâu được đăng", None),
    ("bản tin tuần này thì thôi, câu chuyện tui gửi hôm trước sao rồi ad", None),
    ("bản tin tuần này thì thôi, gửi tui câu chuyện ông Ba đi", None),
    ("bản tin tuần này thì thôi, gửi câu chuyện hay nhất tuần cho tui đọc", None),
    ("không cần gửi bản tin tuần này đâu, câu chuyện của tui được đăng chưa", None),
    ("bản tin tuần này khỏi gửi, tui đọc câu chuyện trên web rồi", None),
    ("bản tin tuần này thì thôi", None),
    ("gửi bản tin tuần này cho tui, tui muốn đọc câu chuyện ông Ba trong đó", "digest"),
    ("không cần gửi câu chuyện đâu, gửi bản tin tuần này cho tui", "digest"),
    ("gửi cho tui bản tin tuần này, câu chuyện thì để sau", "digest"),
]

# M2: the asker's help question told with a need of their own: the knowledge base answers it (no command)
HELP_TOLD_WITH_A_NEED = [
    ("ad giúp em được gì không, con em bị sốt cao", None),
    ("con em bị sốt cao, ad giúp em được gì không", None),
    ("ad giúp được gì không, em chuyển nhầm tiền cho người lạ", None),
    ("bạn giúp mình được gì không, mình bị tung ảnh lên mạng", None),
    ("ad giúp em được gì không, em bị người ta đòi nợ khủng bố", None),
    ("ad giúp em được gì không, mẹ em bị đột quỵ", None),
    ("ad ơi giúp tui được gì không, ruộng lúa tui bị sâu cắn hết", None),
    ("ad giúp em được gì không, em muốn làm hộ chiếu", None),
    ("bản tin tuần này thì thôi, ad giúp em được gì không, em bị lừa mất tiền", None),
]

# … and the help questions that tell nothing else, or only of the channel or of the asker as a newcomer: the menu
HELP_WITH_COURTESY_OR_THE_CHANNEL = [
    ("ad giúp tui được gì không?", "help"),
    ("ad giúp em được gì không ad ơi, cảm ơn ad", "help"),
    ("ad giúp em được gì không, em cảm ơn", "help"),
    ("ad giúp em được gì không, em mới vào kênh", "help"),
    ("ad giúp em được gì không, em mới dùng lần đầu", "help"),
    ("ad giúp em được gì không, em không biết dùng kênh này", "help"),
    ("ad giúp tui được gì không, tui già rồi", "help"),
    ("bot này hỗ trợ được cho tôi những gì", "help"),
    ("bản tin tuần này thì thôi, ad giúp em được gì không", "help"),
]

ROUTED = REFUSED_THEN_A_STORY + REFUSED_THEN_NO_STORY + HELP_TOLD_WITH_A_NEED + HELP_WITH_COURTESY_OR_THE_CHANNEL


@pytest.mark.parametrize(("text", "command"), both_forms(ROUTED))
def test_round26_routed(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize("text", [t for t, _ in REFUSED_THEN_A_STORY])
def test_a_story_sent_beside_a_refused_issue_leaves_it_refused(text: str) -> None:
    assert send_refused(text, now=True)


@pytest.mark.parametrize("text", ["gửi bản tin tuần này cho tui, tui muốn đọc câu chuyện ông Ba trong đó",
                                  "bản tin tuần này thì thôi, gửi câu chuyện bản tin tuần trước cho tui"])
def test_a_clause_naming_the_digest_is_still_its_request(text: str) -> None:
    # a story named in the clause that names the digest does not make the digest's verb another's
    assert not send_refused(text, now=True)


@pytest.mark.parametrize(("text", "rest"), [
    ("tui gửi câu chuyện về ông nội, bản tin tuần này thì thôi", "tui gửi câu chuyện về ông nội"),
    ("tui đọc trên web rồi, bản tin tuần này thì thôi, kể chuyện cho kênh nè", "tui đọc trên web rồi, kể chuyện cho "
                                                                               "kênh nè"),
    ("bản tin tuần này thì thôi, mà gửi câu chuyện thì bao lâu được đăng?",
     "mà gửi câu chuyện thì bao lâu được đăng?"),  # the "?" kept: the router reads it
])
def test_after_refusal_keeps_what_is_said_before_the_refusal_too(text: str, rest: str) -> None:
    assert after_refusal(text) == rest


@pytest.mark.parametrize("text", [t for t, _ in HELP_TOLD_WITH_A_NEED])
def test_a_need_told_with_help_offers_the_menu_beside_the_answer(text: str) -> None:
    assert asks_help_with_problem(text)


@pytest.mark.parametrize("text", [t for t, _ in HELP_WITH_COURTESY_OR_THE_CHANNEL]
                         + ["tổng đài 113 giúp được gì không, tui bị lừa",  # not the channel: no menu offered
                            "em bị lừa mất tiền qua mạng, giờ làm sao"])
def test_help_alone_or_another_helper_offers_no_menu(text: str) -> None:
    assert not asks_help_with_problem(text)


@pytest.mark.parametrize(("text", "told"), [("ad giúp em được gì không em bị lừa", True),  # after it, same clause
                                            ("ad giúp em được gì không ạ", False),
                                            ("con em bị sốt cao", False),  # no help question
                                            ("kênh này giúp nông dân được gì", False)])  # not the asker's own
def test_a_need_is_told_only_beside_the_askers_help_question(text: str, told: bool) -> None:
    assert tells_a_need(text) is told
