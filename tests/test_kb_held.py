"""Round 29 (bot/kb/held.py): a kind of fact asked of one subject (the portal's launch, the ministries' merger, a
team's size) is not answered from an entry that holds that kind for another subject (the single portal of 7/2025,
the provinces' merger, the minister or the country's count of teams). What each entry holds, and for which
subjects, comes from its ``holds`` field, which ``dxbot kb check`` checks."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.kb import KnowledgeBase, get_kb
from bot.kb.decision import Answer
from bot.kb.held import Holdings, asked, checked, problems, restated
from bot.kb.loader import Entry, load_messages, parse_entry
from bot.nlp.normalize import analyze
from tests.support import BotHarness

pytestmark = pytest.mark.unit

DAY = dt.date(2026, 12, 1)
MESSAGES = load_messages()


def _entry(ident: str, holds: tuple[tuple[str, tuple[str, ...]], ...], answer: str, title: str = "") -> Entry:
    return Entry(ident, "t", title or f"{ident}?", (f"{ident} là gì",), (), answer, DAY, (), holds=holds)


LAUNCH = _entry("launch", (("when", ("khai trương|ra đời",)),), "Cổng khai trương ngày 9/12/2019.")
SINGLE = _entry("single", (("when", ("một cổng|cổng duy nhất",)),), "Từ 7/2025, một cổng duy nhất cho mọi thủ tục.")
SIZE = _entry("size", (("count", ("thành viên|mỗi tổ",)),), "Mỗi tổ có ba người, là các thành viên.")
MINISTER = _entry("minister", (("who", ("bộ trưởng",)),), "Bộ trưởng là ông Nguyễn Mạnh Hùng.")
PLAIN = _entry("plain", (), "Cổng Dịch vụ công quốc gia khai trương 9/12/2019, một cổng từ 7/2025.")
ALL = (LAUNCH, SINGLE, SIZE, MINISTER, PLAIN)
HOLDINGS = Holdings(ALL)
BY_ID = {e.id: e for e in ALL}


def _ranking(first: str, *others: str, scores: tuple[float, ...] = ()) -> list[tuple[str, float]]:
    """The reading's hits: ``first``, then ``others`` (every other entry by default), each scoring nearly the first's
    unless ``scores`` says otherwise."""
    rest = others or tuple(i for i in BY_ID if i != first)
    return list(zip((first, *rest), scores or (10.0, *(9.5 for _ in rest)), strict=True))


def _check(entry: Entry, question: str, kinds: frozenset[str] = frozenset(),
           ranked: list[tuple[str, float]] | None = None, offered: frozenset[str] = frozenset()) -> Answer:
    answer = Answer("confident", entry.answer, entry.id, 0.9, True)
    hits = _ranking(entry.id) if ranked is None else ranked
    return checked(HOLDINGS, answer, BY_ID, analyze(question).text, hits, offered, MESSAGES, lambda: kinds)


def test_the_kinds_asked_are_who_when_how_many_and_a_documents_number() -> None:
    assert asked(analyze("cổng khai trương khi nào").text, frozenset) == {"when"}
    assert asked(analyze("mỗi tổ có mấy người").text, frozenset) == {"count"}
    assert asked(analyze("bộ trưởng là ai").text, frozenset) == {"who"}
    assert asked(analyze("theo nghị định số mấy").text, lambda: frozenset({"docnumber"})) == {"docnumber"}
    assert asked(analyze("cổng dịch vụ công là gì").text, frozenset) == frozenset()


def test_a_date_asked_of_another_event_gets_the_entry_holding_it() -> None:
    assert _check(SINGLE, "vậy cổng khai trương khi nào").entry == "launch"
    assert _check(LAUNCH, "vậy từ khi nào chỉ còn một cổng duy nhất").entry == "single"


def test_an_entry_holding_the_kind_for_the_subject_named_answers_as_before() -> None:
    assert _check(LAUNCH, "cổng khai trương khi nào").entry == "launch"
    # both subjects named: the answered one holds the date for one of them
    assert _check(SINGLE, "cổng khai trương khi nào, một cổng từ khi nào").entry == "single"


def test_nothing_is_checked_without_a_kind_asked_a_subject_named_or_a_declaration() -> None:
    assert _check(SINGLE, "cổng khai trương có gì hay").entry == "single"  # no date asked
    assert _check(SINGLE, "cổng này có từ khi nào").entry == "single"  # no subject of another entry named
    assert _check(PLAIN, "từ khi nào chỉ còn một cổng duy nhất").entry == "plain"  # declares nothing


def test_a_kind_the_answered_entry_does_not_hold_goes_to_the_entry_that_does() -> None:
    assert _check(MINISTER, "vậy mỗi tổ có bao nhiêu thành viên", ranked=_ranking("minister", "size")).entry == "size"


def test_a_holder_the_reading_did_not_rank_is_not_taken() -> None:
    assert _check(SINGLE, "vậy cổng khai trương khi nào", ranked=[("single", 10.0)]).entry \
        == "single"


def test_a_holder_is_answered_only_second_or_third_and_close_else_offered() -> None:
    question = "vậy cổng khai trương khi nào"
    assert _check(SINGLE, question, ranked=_ranking("single", "plain", "launch")).entry == "launch"  # third, close
    far = _check(SINGLE, question, ranked=_ranking("single", "launch", scores=(10.0, 8.5)))  # second, 15 % behind
    assert not far.confident and far.choice_entries == ["launch", "single"]
    fourth = _check(SINGLE, question, ranked=_ranking("single", "plain", "size", "launch"))
    assert not fourth.confident and fourth.choice_entries == ["launch", "single"]
    # the second question's entry, not ranked for the first: offered beside the answer, never answered in its place
    second = _check(SINGLE, question, ranked=_ranking("single", "plain", scores=(10.0, 9.9)),
                    offered=frozenset({"launch"}))
    assert not second.confident and second.choice_entries == ["launch", "single"]


def test_an_answer_holding_one_asked_kind_for_a_subject_named_is_never_moved() -> None:
    # a date of the launch asked, and a count of the single portal's: the launch's entry answers the date it holds
    both = _entry("both", (("when", ("khai trương",)), ("count", ("một cổng",))), "Cổng khai trương 2019, có 5 mục.")
    counted = _entry("counted", (("count", ("khai trương",)),), "Khai trương với 3 dịch vụ.")
    holdings, by_id = Holdings((both, counted)), {"both": both, "counted": counted}
    answer = Answer("confident", both.answer, "both", 0.9, True)
    question = analyze("cổng khai trương khi nào và có bao nhiêu dịch vụ").text
    result = checked(holdings, answer, by_id, question, [("both", 10.0), ("counted", 9.9)], frozenset(), MESSAGES,
                     frozenset)
    assert result.entry == "both" and result.confident


def test_a_holder_that_lacks_another_kind_asked_is_offered_beside_the_answer() -> None:
    result = _check(SINGLE, "vậy cổng khai trương khi nào", kinds=frozenset({"year:2018"}))
    assert not result.confident and result.choice_entries == ["launch", "single"]


def test_kb_check_reports_unknown_kinds_unsaid_subjects_and_answers_lacking_the_kind() -> None:
    unknown = _entry("unknown", (("why", ("khai trương",)),), "Cổng khai trương 2019.")
    unsaid = _entry("unsaid", (("when", ("sáp nhập",)),), "Cổng khai trương 2019.")
    lacking = _entry("lacking", (("when", ("khai trương",)),), "Cổng khai trương đã lâu.")
    found = problems([*ALL, unknown, unsaid, lacking])
    assert any("'unknown'" in p and "unknown kind" in p for p in found)
    assert any("'unsaid'" in p and "does not say" in p for p in found)
    assert any("'lacking'" in p and "does not say one" in p for p in found)
    assert problems(list(ALL)) == []


def test_kb_check_reports_a_kind_the_answer_gives_undeclared_and_a_subject_named_for_two_entries() -> None:
    # the answer gives a date and a count; only the date is declared
    partial = _entry("partial", (("when", ("khai trương",)),), "Cổng khai trương 9/12/2019 với 8 dịch vụ.")
    shared = _entry("shared", (("when", ("một cổng|khai trương",)),), "Từ 7/2025, một cổng.")
    found = problems([LAUNCH, partial, shared])
    assert any("'partial'" in p and "'count'" in p and "every kind" in p for p in found)
    assert any("'shared'" in p and "'khai truong'" in p and "'launch'" in p for p in found)
    assert not any("'launch'" in p.split(":")[1] for p in found)  # the first to name it is not the one reported
    # a date, a year and a document's number are not counts
    dated = _entry("dated", (("when", ("ban hành",)),), "Ban hành ngày 1/3/2025 năm 2025 (Nghị định 55/2025/NĐ-CP).")
    assert not any("'dated'" in p and "'count'" in p for p in problems([dated]))


def test_the_loader_reads_holds_as_pairs_and_reports_a_malformed_one() -> None:
    raw = {"id": "x", "topic": "t", "title": "X?", "questions": ["x"], "answer": "X 2019.", "verified": DAY,
           "kind": "history", "sources": [{"title": "Nguồn tiếng Việt", "publisher": "P", "url": "https://a.vn/x",
                                           "date": DAY, "quote": "X."}]}
    found: list[str] = []
    entry = parse_entry({**raw, "holds": {"when": ["x|y"]}}, "f.toml", found)
    assert entry is not None and entry.holds == (("when", ("x|y",)),) and not found
    for bad in ({"holds": {}}, {"holds": ["when"]}, {"holds": {"when": []}}, {"holds": {"when": "x"}}):
        found = []
        entry = parse_entry({**raw, **bad}, "f.toml", found)
        assert found and entry is not None and entry.holds == ()


@pytest.mark.parametrize(("question", "entry", "story"), [
    # the story tells the single portal of 7/2025, the question asks the launch
    ("Từ 1/7/2025 chỉ dùng dichvucong.gov.vn, mà cổng này khai trương từ bao giờ nhỉ?", "dvcqg-ra-doi",
     "dvcqg-mot-cong-2025"),
    # the provinces' merger told, the ministries' asked; and back
    ("Chính quyền hai cấp từ 1/7/2025, còn sáp nhập bộ thì từ ngày nào ạ?", "bo-tttt-nay-la-bo-nao",
     "chinh-quyen-hai-cap-2025"),
    ("bo tttt hop nhat tu 1/3/2025, con chinh quyen hai cap bat dau tu khi nao", "chinh-quyen-hai-cap-2025",
     "bo-tttt-nay-la-bo-nao"),
])
def test_the_entry_holding_the_fact_asked_is_answered_or_offered(real_kb: KnowledgeBase, question: str, entry: str,
                                                                 story: str) -> None:
    """Round 29b: the holder is answered only where the ranker found it nearly as likely; otherwise it is offered
    beside the story's entry, never left out for the story's entry answered alone."""
    result = real_kb.answer(question)
    assert result.entry == entry if result.confident else entry in result.choice_entries, \
        (result.entry, result.choice_entries)
    assert result.entry != story


@pytest.mark.parametrize(("question", "entry"), [
    # unchanged: the country's count, the members counted in 2022, the single portal, the minister
    ("Cả nước có bao nhiêu tổ công nghệ số cộng đồng?", "tcns-so-luong"),
    ("Tính đến tháng 6 năm 2022, các tổ công nghệ số cộng đồng có bao nhiêu thành viên?", "tcns-so-luong"),
    ("Từ khi nào chỉ dùng một cổng dịch vụ công duy nhất?", "dvcqg-mot-cong-2025"),
    ("Từ ngày 1/7/2025 chính quyền địa phương có mấy cấp?", "chinh-quyen-hai-cap-2025"),
    ("Bộ trưởng bộ KHCN được phê chuẩn ngày nào?", "bo-truong-khcn"),
    # round 29b: a broad word said of another subject ("tỉnh", "người", "thành viên", "thành lập", "chỉ còn") names
    # no holder: the first answer stays
    ("Sau sắp xếp, cả nước chỉ còn bao nhiêu tỉnh, thành phố?", "chinh-quyen-hai-cap-2025"),
    ("Các tổ công nghệ số cộng đồng có tổng cộng bao nhiêu thành viên tham gia?", "tcns-so-luong"),
])
def test_the_first_answer_stays_where_no_holder_is_named(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    result = real_kb.answer(question)
    assert result.confident and result.entry == entry, (result.entry, result.choice_entries)


def test_broad_words_name_no_entrys_subject(real_kb: KnowledgeBase) -> None:
    """Round 29b: a word a question can say of many subjects is no entry's subject in ``holds``."""
    named = {n for own in real_kb.holdings.of_entry.values() for names in own.values() for n in names}
    assert not named & {"tinh", "nguoi", "thanh vien", "tham gia", "thanh lap", "ca nuoc", "cap", "xa", "chi con",
                        "bo truong", "tich hop", "so luong"}


def test_the_kb_holdings_are_the_ones_its_editors_wrote(real_kb: KnowledgeBase) -> None:
    holdings = real_kb.holdings.of_entry
    assert {"dvcqg-ra-doi", "dvcqg-mot-cong-2025", "bo-tttt-nay-la-bo-nao", "chinh-quyen-hai-cap-2025",
            "tcns-thanh-vien", "tcns-so-luong"} <= set(holdings)
    assert "khai truong" in holdings["dvcqg-ra-doi"]["when"]
    assert problems(list(real_kb.entries)) == []


def test_a_question_restated_in_a_second_wording_is_checked_with_both() -> None:
    """Round 30 (sib30): two question clauses asking the same kind are one question restated; the second wording
    joins the asking part. A second question asking another kind asks something else and stays apart."""
    first, again = analyze("cổng này có từ năm nào").text, analyze("khai trương hồi nào").text
    assert restated(first, again) == f"{first} {again}"
    other = analyze("ai xây dựng cổng").text
    assert restated(first, other) == first
    assert restated(first, "") == first


@pytest.mark.parametrize("question", [
    "Tổ công nghệ số cộng đồng có mấy người hả ad?",
    "tổ công nghệ số cộng đồng thì có bao nhiêu người thế",
])
def test_how_many_people_a_team_has_is_the_members_entrys(real_kb: KnowledgeBase, question: str) -> None:
    """Round 31: "tổ … có bao nhiêu / mấy người" counts the people of a team, which the members' entry holds
    (``holds.count``), not the country's teams: answered, or offered where the ranker put it far behind."""
    result = real_kb.answer(question)
    assert result.entry == "tcns-thanh-vien" if result.confident else "tcns-thanh-vien" in result.choice_entries, \
        (result.entry, result.choice_entries)


def test_people_counted_over_the_country_keep_the_countrys_entry_in_view(real_kb: KnowledgeBase) -> None:
    """The people taking part ("bao nhiêu người tham gia") are the country's members, which the country's entry holds
    (``holds.count``: "người tham gia"): it answers."""
    for question in ("Cả nước có bao nhiêu người tham gia tổ công nghệ số cộng đồng?",
                     "to cns cong dong co bao nhieu nguoi tham gia vay"):
        result = real_kb.answer(question)
        assert result.confident and result.entry == "tcns-so-luong", (question, result.entry, result.choice_entries)


def test_a_citizen_asking_a_teams_size_is_told_its_members(bot: BotHarness) -> None:
    """Round 31, through the webhook: the size of one team, not the country's count of teams."""
    user = "3131313131313131313"
    bot.send(user, "tổ công nghệ số cộng đồng thì có bao nhiêu người thế")
    bot.settle()
    text = bot.messages(user)[-1]["text"]
    assert text.startswith(get_kb().by_id["tcns-thanh-vien"].answer[:60]), text
    assert "27.218" not in text  # the country's count of teams


def test_the_question_clauses_own_entry_holding_the_date_is_offered_beside_the_storys(real_kb: KnowledgeBase) -> None:
    """Round 31b: a letter's story may rank the whole message away from its question (the single portal told, its
    start asked): the entry the question clause ranks first when read alone is no other topic, so where it holds
    the date asked it is shown, never the story's entry answered alone."""
    result = real_kb.answer("Nghe nói cổng dịch vụ công của tỉnh giờ không dùng nữa, thủ tục nào cũng nộp trên "
                            "dichvucong.gov.vn. Nhà tôi dùng cổng đó mấy năm rồi mà chưa rõ nó đi vào hoạt động từ "
                            "hồi nào ạ.")
    assert result.entry == "dvcqg-ra-doi" if result.confident else "dvcqg-ra-doi" in result.choice_entries, \
        (result.entry, result.choice_entries)


def test_a_citizen_asking_the_portals_start_after_its_story_is_shown_the_launch(bot: BotHarness) -> None:
    """Round 31b, through the webhook: the launch is among what the citizen sees, and the single portal is not
    answered as though it were asked."""
    user = "3131313131313131314"
    bot.send(user, "Nghe nói cổng dịch vụ công của tỉnh giờ không dùng nữa, thủ tục nào cũng nộp trên "
                   "dichvucong.gov.vn. Nhà tôi dùng cổng đó mấy năm rồi mà chưa rõ nó đi vào hoạt động từ hồi nào ạ.")
    bot.settle()
    message = bot.messages(user)[-1]
    launch = get_kb().by_id["dvcqg-ra-doi"]
    offered = [b["payload"] for b in ((message.get("attachment") or {}).get("payload") or {}).get("buttons") or []]
    assert launch.title in offered or message["text"].startswith(launch.answer[:60]), (message["text"], offered)
    # the story's entry (the single portal of 7/2025) is not answered in any message the citizen gets
    single = get_kb().by_id["dvcqg-mot-cong-2025"].answer[:40]  # before the link, shown shorter in chat
    assert not any((m.get("text") or "").startswith(single) for m in bot.messages(user)), bot.messages(user)
