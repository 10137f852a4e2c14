"""The out-of-scope class (bot/kb/outside.py, content/out_of_scope.toml, round 5): look-alikes of the channel's
topics are not answered, the channel's own questions still are, and a bad file is reported, not fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.kb import KnowledgeBase, load_kb
from bot.kb.evaluate import Case, evaluate
from bot.kb.loader import DEFAULT_KB_DIR
from bot.kb.outside import DEFAULT_OUTSIDE, load_outside
from bot.kb.signals import content_match
from bot.nlp.normalize import analyze


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


@pytest.mark.parametrize("question", [
    "bộ trưởng bộ công an hiện nay là ai",  # the science minister's entry shares "bộ trưởng … là ai"
    "số điện thoại ngân hàng",  # the channel's hotline entry shares "số điện thoại"
    "GDP năm nay tăng bao nhiêu",  # the digital economy's share of GDP
    "chữ GDP là viết tắt từ đâu",  # the entry on the abbreviations of digital transformation
    "sáp nhập xã rồi có phải đổi thẻ căn cước không",  # the entry on the two-level local government of 2025
    # round 32: a head count for the programme's target year is not a target of the programme
    "dan so nuoc ta nam 2030 bao nhieu nguoi",
    # round 32: a former minister's life is not the ministry's merger
    "ông cựu bộ trưởng giờ nghỉ hưu chưa, quê ở đâu vậy",
    # round 33: ... also where the question names the former ministry (answered with the merger on main)
    "ông cựu bộ trưởng bộ thông tin và truyền thông giờ làm gì rồi",
])
def test_a_look_alike_is_not_answered_and_is_told_so(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert not answer.confident and answer.out_of_scope
    assert answer.text.startswith(kb.messages["outside"]) and len(answer.choices) == 3


def test_the_class_only_stops_what_it_says(kb: KnowledgeBase) -> None:
    """The neighbours of the look-alikes above keep their answers."""
    for question, entry in [("bộ trưởng bộ khoa học và công nghệ là ai", "bo-truong-khcn"),
                            ("kinh tế số chiếm bao nhiêu phần trăm GDP hiện nay", "kinh-te-so-ty-trong-hien-nay"),
                            ("kênh có số điện thoại tổng đài không", "npv-so-dien-thoai-tong-dai"),
                            # round 32: the population's share with an e-payment account stays the 2030 target
                            ("đến năm 2030 bao nhiêu phần trăm dân số có tài khoản thanh toán điện tử",
                             "ct-muc-tieu-2030"),
                            # round 33: a head count with an account is the target, a head count alone is not
                            ("năm 2030 bao nhiêu người có tài khoản thanh toán điện tử", "ct-muc-tieu-2030"),
                            # round 33: the ministry's minister now is no former minister's life
                            ("bộ trưởng bộ tttt bây giờ là ai", "bo-tttt-nay-la-bo-nao")]:
        answer = kb.answer(question)
        # round 14: a redirect entry's answer is marked out of scope, and is still the confident answer
        assert answer.confident and answer.entry == entry, question
        assert answer.out_of_scope == entry.startswith("npv-"), question


def test_no_entry_phrasing_reads_as_out_of_scope(kb: KnowledgeBase) -> None:
    """An editor's out-of-scope phrasing must never take an entry's own title or question from it."""
    taken = [(e.id, q) for e in kb.entries for q in (e.title, *e.questions)
             if (a := kb.answer(q)).out_of_scope and not a.confident]
    assert not taken


def test_every_group_phrasing_is_refused(kb: KnowledgeBase) -> None:
    groups, problems = load_outside(DEFAULT_OUTSIDE)
    assert groups and not problems
    answered = [(g.name, p) for g in groups for p in g.phrasings if kb.answer(p).confident]
    # round 5's groups, written for the rule, are all refused; of session 6's editor file (the "e6-" groups),
    # measured 5 of 406 still answered, through a clause of the message read alone (two are redirects that fit:
    # a complaint, an opinion on a policy)
    assert not [p for name, p in answered if not name.startswith("e6-")]
    assert len(answered) <= 0.02 * sum(len(g.phrasings) for g in groups), answered


def test_a_broken_file_is_reported_and_the_kb_still_answers(tmp_path: Path) -> None:
    bad = tmp_path / "out_of_scope.toml"
    bad.write_text('[[group]]\nname = "x"\nphrasings = []\n[[group]]\nphrasings = ["giá vàng"]\n', encoding="utf-8")
    groups, problems = load_outside(bad)
    assert not groups and len(problems) == 2
    kb = load_kb(outside_path=bad)
    assert any("out_of_scope.toml" in p for p in kb.problems)
    assert kb.answer("Ngày chuyển đổi số quốc gia là ngày nào").confident
    bad.write_text("[[group]\n", encoding="utf-8")
    assert load_outside(bad)[1]


def test_the_eval_tells_a_redirect_from_a_look_alike_answered(kb: KnowledgeBase) -> None:
    """An off-topic case answered by one of the KB's out-of-scope entries still counts as answered (the metric
    is unchanged); the report says how many of those were such a redirect."""
    cases = [Case("quen mat khau vneid", in_scope=False), Case("bộ trưởng bộ khoa học và công nghệ là ai",
                                                                in_scope=False)]
    report = evaluate(kb, cases)
    assert report.off_topic_confident == 2 and report.total.off_topic_redirect == 1
    assert sum("(a redirect)" in f for f in report.failures) == 1


# --- session 6: the class grown fivefold, indexed, with a classifier; the redirects made precise ---------------

def test_the_indexed_match_is_the_linear_one(kb: KnowledgeBase) -> None:
    """The inverted index (latency at 539 phrasings) finds the same best phrasing match as comparing the question
    with every group, on look-alikes and on in-scope questions."""
    outside = kb.index.outside
    assert outside is not None and len(outside.phrasings) > 500
    questions = [p for g in outside.groups[::7] for p in g.phrasings[:2]]
    questions += [q for e in kb.entries[::5] for q in (e.title, *e.questions[:2])]
    for question in questions:
        query = kb.index.query(analyze(question))
        assert query is not None
        linear = max((content_match(query.view, r) for r in outside.records), default=0.0)
        assert outside.match(query.view)[0] == pytest.approx(linear), question


def test_the_classifier_tells_the_class_from_the_entries(kb: KnowledgeBase) -> None:
    """Naive Bayes over content items: the class's own kinds of request lean out, the entries' titles lean in."""
    outside = kb.index.outside
    assert outside is not None

    def p(text: str) -> float:
        query = kb.index.query(analyze(text))
        assert query is not None
        return outside.probability(query.view)

    assert p("kết quả xổ số miền bắc hôm nay") > 0.9
    assert p("giá vàng sjc bao nhiêu một lượng") > 0.9
    titles = [e.title for e in kb.entries]
    assert sum(p(t) < 0.5 for t in titles) >= 0.95 * len(titles)


def test_a_word_of_the_class_is_not_repaired_into_the_kb(kb: KnowledgeBase) -> None:
    """Typo repair pulls unknown words toward the KB's: "thơ" became "theo" and the poem request matched what
    the channel can do. The class's words are words."""
    query = kb.index.query(analyze("bot có biết làm thơ không"))
    assert query is not None and "theo" not in query.analysis.text.split()


@pytest.mark.parametrize(("question", "entry"), [
    ("quên mật khẩu vneid thì làm sao", "npv-lay-lai-tai-khoan"),
    ("tôi bị lừa mất tiền qua mạng thì báo ai", "npv-bi-lua-dao"),
    ("kênh có số điện thoại tổng đài không", "npv-so-dien-thoai-tong-dai"),
])
def test_a_redirect_answers_what_it_is_written_for(kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = kb.answer(question)
    assert answer.confident and answer.entry == entry
    # round 14: the channel's own out-of-scope reply, with the closest in-scope entries offered
    assert answer.out_of_scope and len(answer.choices) == 3
    assert all(kb.by_id[e].topic != "ngoai-pham-vi" for e in answer.choice_entries)


@pytest.mark.parametrize(("question", "redirect"), [
    ("nick zalo của tôi bị khóa rồi", "npv-lay-lai-tai-khoan"),  # a VNeID redirect; Zalo's account is Zalo's
    ("cho xin số tổng đài điện lực với", "npv-so-dien-thoai-tong-dai"),  # not the channel's hotline
])
def test_a_redirect_does_not_answer_a_look_alike(kb: KnowledgeBase, question: str, redirect: str) -> None:
    answer = kb.answer(question)
    assert not answer.confident and answer.out_of_scope
    assert redirect in answer.choice_entries  # offered as the closest topic, not sent as the answer


def test_an_explicit_kb_directory_loads_what_sits_beside_it(tmp_path: Path) -> None:
    """``load_kb(content/kb)`` answers as the default KB (extra phrasings, the out-of-scope class); a directory
    with no such siblings loads its entries only."""
    explicit, default = load_kb(DEFAULT_KB_DIR), load_kb()
    assert explicit.phrasings == default.phrasings and explicit.index.outside is not None
    assert len(explicit.index.outside.groups) == len(default.index.outside.groups)
    assert explicit.answer("giá vàng hôm nay").out_of_scope
    alone = tmp_path / "kb"
    alone.mkdir()
    (alone / "kb.toml").write_text((DEFAULT_KB_DIR / "ngay-cds.toml").read_text(encoding="utf-8"), encoding="utf-8")
    bare = load_kb(alone)
    assert bare.index.outside is None and not bare.phrasings
