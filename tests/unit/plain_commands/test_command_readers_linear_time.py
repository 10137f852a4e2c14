"""The readers that bind a command to its clause (bot/nlp/features_shown.py, bot/nlp/send_refused.py) do work linear in
the message's length (review of cmd21, H4/H5: a scan to the clause's end from every word or every occurrence made a
32,000-character message cost seconds to a minute). Counted in steps (calls, word tests), never timed: a message of
repeated units 16 times longer may cost about 16 times the work, not 256 times.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import (
    features_shown,
    help_besides,
    information_asked,
    intents,
    only_this_issue,
    problem_told,
    resend_asked,
    send_refused,
    sending_asked,
    stop_bound,
    this_issue,
)

pytestmark = pytest.mark.unit


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """``module.name`` replaced by a wrapper that counts its calls (in the returned one-item list)."""
    calls = [0]
    counted_function = getattr(module, name)

    def counted(*args: object) -> bool:
        calls[0] += 1
        return counted_function(*args)

    monkeypatch.setattr(module, name, counted)
    return calls


def _of_length(unit: str, chars: int, last: str = "") -> str:
    return unit * (chars // len(unit)) + last


def _ratio(work: Callable[[str], int], unit: str, last: str = "") -> tuple[float, float]:
    short, long = _of_length(unit, 2_000, last), _of_length(unit, 32_000, last)
    return work(long) / max(work(short), 1), len(long) / len(short)


@pytest.mark.parametrize("unit", ["chỉ em mấy chức năng nha ", "chi em may chuc nang voi ", "chỉ em mấy chức năng",
                                  " nha",
                                  # round 23: the next clause opening with the asker, or with "trong" the channel
                                  "chỉ bà mấy chức năng nha, bà già rồi ấy, ",
                                  "chỉ mình mấy chức năng, trong này có gì, "])
def test_features_shown_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    calls = _counting(monkeypatch, features_shown, "_at")

    def work(text: str) -> int:
        calls[0] = 0
        features_shown.shows_other_features("chỉ em mấy chức năng " + text)
        return calls[0]

    work_ratio, length_ratio = _ratio(work, unit)
    assert work_ratio <= 1.5 * length_ratio


class _Counted(frozenset):
    """A word set that counts its membership tests."""

    tests = 0

    def __contains__(self, word: object) -> bool:
        _Counted.tests += 1
        return super().__contains__(word)


@pytest.mark.parametrize(("unit", "last"), [("không gửi ", " khỏi đợi, gửi bản tin tuần này cho tôi"),
                                            ("ko xem ", " khỏi đợi, gửi bản tin tuần này cho tôi"),
                                            ("khỏi nha ", ", gửi bản tin tuần này cho tôi"),
                                            # round 24: a one-off reason, a later issue, "thì thôi" closing
                                            ("tui đọc trên web rồi, ", "bản tin mới nhất bỏ qua"),
                                            ("từ tuần sau vẫn gửi nha, ", "bản tin tuần này thì khỏi"),
                                            ("bản tin tuần này thì thôi, ", "gửi bản tin")])
def test_send_refused_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str, last: str) -> None:
    lists = send_refused._lists()
    counted = lists._replace(tail=_Counted(lists.tail), more=_Counted(lists.more))
    monkeypatch.setattr(send_refused, "_lists", lambda: counted)
    # … and the word-by-word phrase comparisons, which the round-24 path (a one-off reason, a later issue) makes
    # (review of cmd24, L4: the membership tests alone could not see it)
    tokens = _counting(monkeypatch, intents, "_tokens_at")

    def work(text: str) -> int:
        _Counted.tests = tokens[0] = 0
        send_refused.send_refused(text, now=True)
        return _Counted.tests + tokens[0]

    work_ratio, length_ratio = _ratio(work, unit, last)
    assert work_ratio <= 1.5 * length_ratio


def _counting_tokens(monkeypatch: pytest.MonkeyPatch, *readers: object) -> list[int]:
    """Counts the router's word-by-word phrase comparisons (``_tokens_at``: every ``Exclusion.at`` step) and the
    characters each reader hands to ``command_words``: where a phrase is found at once, the comparisons stay constant
    whatever the length (review of cmd22, L4: such a case measured nothing), while a reader that read the text again
    per clause would read a multiple of it."""
    calls = _counting(monkeypatch, intents, "_tokens_at")
    for module in readers:
        words_of = module.command_words  # type: ignore[attr-defined]

        def counted(text: str, words_of: Callable[[str], list] = words_of) -> list:
            calls[0] += len(text)
            return words_of(text)

        monkeypatch.setattr(module, "command_words", counted)
    return calls


def _steps_ratio(monkeypatch: pytest.MonkeyPatch, module: object, read: Callable[[str], object], unit: str,
                 last: str) -> tuple[float, float]:
    """:func:`_ratio` of the steps :func:`_counting_tokens` counts while ``read`` (of ``module``) reads the text."""
    calls = _counting_tokens(monkeypatch, module)

    def work(text: str) -> int:
        calls[0] = 0
        read(text)
        return calls[0]

    return _ratio(work, unit, last)


# round 22: the stop bound to its clause (bot/nlp/stop_bound.py) and this issue asked now (bot/nlp/this_issue.py)
@pytest.mark.parametrize(("unit", "last"), [("đăng ký để khỏi bỏ lỡ bản tin, ", "khỏi gửi nữa"),
                                            ("bản tin tuần này thì thôi nha, ", "thôi khỏi"),
                                            ("thôi khỏi ", ", bản tin tuần này"),
                                            ("de khoi bo lo ban tin tuan nay ", " nha"),
                                            # round 23: "luôn" outside the refusing clause, "số này" as a number
                                            ("bản tin tuần này tui coi luôn rồi, ", "khỏi gửi lại nghen"),
                                            ("khỏi gửi bản tin qua số này, ", "bản tin tuần này thì thôi"),
                                            # review of tidy23: "for good" in its own clause, a one-off reason
                                            ("bản tin tuần này thôi khỏi, ", "mãi mãi luôn"),
                                            ("khỏi gửi luôn ", ", tui đi vắng"),
                                            # round 24: "rồi nên" split, the digest as the topic, "bỏ qua", a clause
                                            # keeping the subscription, unmarked "dung gui"
                                            ("bản tin tuần này coi rồi nên khỏi gửi lại ", "nghen"),
                                            ("rồi nên rồi nên ", "bản tin tuần này khỏi"),
                                            ("tuần này bận, bản tin thì thôi nha, ", "thôi"),
                                            ("tuần này bỏ qua bản tin ", "nha"),
                                            ("vẫn gửi cho tôi nhận từ tuần sau, ", "bản tin tuần này thì khỏi"),
                                            ("tuan nay dung gui ban tin ", ", toi di vang"),
                                            # review of cmd24, H1: the digest named in the refusal after "rồi nên"
                                            ("tuần này tui bận rồi nên khỏi gửi bản tin ", "nha")])
def test_stop_bound_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str, last: str) -> None:
    calls = _counting_tokens(monkeypatch, stop_bound)

    def work(text: str) -> int:
        calls[0] = 0
        stop_bound.stop_reread(text)
        return calls[0]

    work_ratio, length_ratio = _ratio(work, unit, last)
    assert work_ratio <= 1.5 * length_ratio


# review of tidy23: whether sending goes on, or what the issue says, asked at a clause's end (bot/nlp/sending_asked.py)
@pytest.mark.parametrize("unit", ["nữa không ạ vậy ", "bản tin có nhắc không ", "nua ko hay ngung roi ", "không, "])
def test_sending_asked_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    calls = _counting_tokens(monkeypatch, sending_asked)

    def work(text: str) -> int:
        calls[0] = 0
        sending_asked.asks_if_sent(text)
        sending_asked.asks_what_issue_says(text)
        return calls[0]

    work_ratio, length_ratio = _ratio(work, unit)
    assert work_ratio <= 1.5 * length_ratio


@pytest.mark.parametrize("unit", ["gửi tin này cho mình ", "gui tom tat tin nay cho minh "])
def test_this_issue_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    calls = _counting_tokens(monkeypatch, this_issue)

    def work(text: str) -> int:
        calls[0] = 0
        this_issue.asks_this_issue(text)
        return calls[0]

    work_ratio, length_ratio = _ratio(work, unit)
    assert work_ratio <= 1.5 * length_ratio


# review of cmd22, H1: plain_command read the message again once per pair of clauses set aside (one issue refused
# beside a refusal alone, each pair making the next meet), a whole re-read each time: quadratic. The characters read by
# the whole router (every ``_plain_command`` call) are counted on the reviewer's chain, 2k vs 32k characters.
@pytest.mark.parametrize("sep", [", ", ". "])
def test_plain_command_rereads_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, sep: str) -> None:
    read = [0]
    counted_function = intents._plain_command

    def counted(text: str, *args: object) -> str | None:
        read[0] += len(text)
        return counted_function(text, *args)

    monkeypatch.setattr(intents, "_plain_command", counted)

    def chain(k: int) -> str:
        return (f"tuần này{sep}" * k + f"bản tin tuần này thì thôi{sep}thôi khỏi{sep}" + f"thôi khỏi{sep}" * k
                + "bản tin thì thôi khỏi nha")

    def work(chars: int) -> tuple[int, int]:
        k = 1
        while len(chain(k)) < chars:
            k += 1
        read[0] = 0
        intents.plain_command(chain(k))
        return read[0], len(chain(k))

    (short_work, short_len), (long_work, long_len) = work(2_000), work(32_000)
    assert long_work / short_work <= 1.5 * long_len / short_len


# round 25: what follows the last refusing clause (send_refused.after_refusal), read once by the router; and a long
# letter's bare request to sign up read against the wish of each clause (intents._bare_subscription)
@pytest.mark.parametrize(("unit", "last"), [("bản tin tuần này thì thôi, ", "kể chuyện này cho kênh nè"),
                                            ("khong can gui ban tin tuan nay, ", "ke chuyen cho kenh ne"),
                                            ("thì thôi, bản tin ", "tuần này thì khỏi")])
def test_after_refusal_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str, last: str) -> None:
    calls = _counting_tokens(monkeypatch, send_refused)

    def work(text: str) -> int:
        calls[0] = 0
        send_refused.after_refusal(text)
        return calls[0]

    work_ratio, length_ratio = _ratio(work, unit, last)
    assert work_ratio <= 1.5 * length_ratio


@pytest.mark.parametrize(("unit", "last"), [("bản tin tuần này thì thôi, ", "kể chuyện này cho kênh nè: ông tui"),
                                            ("tui cũng muốn nhận bản tin, ", "Kênh đăng ký cho tui luôn nghe."),
                                            ("tui muốn nhận. ", "Kênh đăng ký cho tui luôn nghe.")])
def test_router_after_a_refusal_or_a_bare_request_grows_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str,
                                                                        last: str) -> None:
    calls = _counting_tokens(monkeypatch, send_refused)
    read = [0]
    counted_function = intents._plain_command

    def counted(text: str, *args: object) -> str | None:
        read[0] += len(text)
        return counted_function(text, *args)

    monkeypatch.setattr(intents, "_plain_command", counted)

    def work(text: str) -> int:
        calls[0] = read[0] = 0
        intents.plain_command(text)
        return calls[0] + read[0]

    work_ratio, length_ratio = _ratio(work, unit, last)
    assert work_ratio <= 1.5 * length_ratio


# round 26: a need told beside the asker's help question (problem_told.tells_a_need), read on every question the router
# leaves to the knowledge base: the question found once, every other clause read once
@pytest.mark.parametrize(("unit", "last"), [("con em bị sốt cao, ", "ad giúp em được gì không"),
                                            ("ad giúp em được gì không, em cảm ơn, ", "em mới vào kênh"),
                                            ("ad oi giup em duoc gi khong ", "em bi lua")])
def test_a_need_told_with_help_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str,
                                                           last: str) -> None:
    work_ratio, length_ratio = _steps_ratio(monkeypatch, problem_told, problem_told.asks_help_with_problem, unit, last)
    assert work_ratio <= 1.5 * length_ratio


# round 27: a missed issue asked again, read as a closed shape (resend_asked.asks_resend): each clause's words read
# once, the longest phrase first at each word; and a clause sending something else after the issue refused
@pytest.mark.parametrize(("unit", "last"), [("em chưa nhận được bản tin tuần này, gửi lại cho em nhé, ", "ad ơi"),
                                            ("chua nhan duoc ban tin tuan nay goi lai cho tui ", "voi"),
                                            ("gửi lại cho em nhé, ", "em chưa nhận được bản tin tuần này")])
def test_the_resend_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str, last: str) -> None:
    work_ratio, length_ratio = _steps_ratio(monkeypatch, resend_asked, resend_asked.asks_resend, unit, last)
    assert work_ratio <= 1.5 * length_ratio


@pytest.mark.parametrize(("unit", "last"), [("khỏi gửi bản tin tuần này, gửi mã otp lại cho tui, ", "nha"),
                                            ("khong can gui ban tin tuan nay, gui chuyen khoan cho tui ", "nhe")])
def test_a_refusal_then_something_else_sent_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str,
                                                                      last: str) -> None:
    work_ratio, length_ratio = _steps_ratio(monkeypatch, send_refused, lambda t: send_refused.send_refused(t, now=True),
                                            unit, last)
    assert work_ratio <= 1.5 * length_ratio


# round 28: the polite resend (a "?" ends the message), this issue asked for alone beside a stop (each clause's words
# read once; the stop read alone only on the clauses beside it), and another question beside the help request (the
# whole read once for a help pattern, then each clause once)
@pytest.mark.parametrize(("unit", "last"), [("em chưa nhận được bản tin tuần này, gửi lại cho em nhé, ", "được không?"),
                                            ("chua nhan duoc ban tin tuan nay, gui lai cho e ", "dc ko ad?")])
def test_the_polite_resend_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str, last: str) -> None:
    work_ratio, length_ratio = _steps_ratio(monkeypatch, resend_asked, resend_asked.asks_resend, unit, last)
    assert work_ratio <= 1.5 * length_ratio


@pytest.mark.parametrize(("unit", "last"), [("chỉ gửi bản tin tuần này cho tôi, ", "thôi nha"),
                                            ("không cần gửi mỗi tuần, ", "chỉ gửi bản tin tuần này cho tôi"),
                                            ("gui moi ban tin tuan nay thoi ", "nha")])
def test_this_issue_alone_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str, last: str) -> None:
    work_ratio, length_ratio = _steps_ratio(monkeypatch, only_this_issue,
                                            lambda t: only_this_issue.asks_only_this_issue(t, lambda _: True), unit,
                                            last)
    assert work_ratio <= 1.5 * length_ratio


@pytest.mark.parametrize(("unit", "last"), [("kênh này lập ra để làm gì, ", "cô có thể góp gì cho kênh không con?"),
                                            ("kenh nay de lam gi, chi tui voi, ", "co phai cua nha nuoc khong"),
                                            ("Cô ở Ba Tri, hưu trí. ", "Kênh này lập ra để làm gì?")])
def test_another_question_beside_help_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str,
                                                                 last: str) -> None:
    work_ratio, length_ratio = _steps_ratio(monkeypatch, help_besides, help_besides.asks_besides_help, unit, last)
    assert work_ratio <= 1.5 * length_ratio


# round 29: a request for a piece of information (bot/nlp/information_asked.py): each word tried as a request's start
# once, at most two words between it and a piece
@pytest.mark.parametrize(("unit", "last"), [("cho bà xin cái cho bà xin cái ", "địa chỉ"),
                                            ("cho xin ", "cai dia chi"),
                                            ("xin giùm giùm giùm ", "link")])
def test_a_request_for_information_steps_grow_with_the_length(monkeypatch: pytest.MonkeyPatch, unit: str,
                                                               last: str) -> None:
    calls = _counting(monkeypatch, information_asked, "_said_at")
    work_ratio, length_ratio = _ratio(lambda text: _calls_while(calls, information_asked.requests_information, text),
                                      unit, last)
    assert work_ratio <= 1.5 * length_ratio


def _calls_while(calls: list[int], read: Callable[[str], object], text: str) -> int:
    """The calls ``calls`` counts while ``read`` reads ``text``."""
    calls[0] = 0
    read(text)
    return calls[0]
