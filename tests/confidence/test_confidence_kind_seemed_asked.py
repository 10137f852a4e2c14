"""Round 14b (`qa14conf`): right answers held back by a kind of fact the question seemed to ask.

- The issuer of a document whose number is asked ("… là quyết định số mấy của Thủ tướng?") names whose decision
  it is, as the issuer of a numbered one does (``bot.kb.asks._ISSUER``): it is no office asked.
- A place told in a sentence the writer ended with a full stop, when another sentence ends on a question mark, is
  the asker's story, not the place asked (``bot.kb.message.marked``): "được mấy năm" reads as a question, the marks
  say which sentence is one. A clause cut at a comma still asks its place.
- The speaker's own whereabouts (``bot.kb.subjects._speaker_at``) may be told with the unit or the move first ("ở xã
  ngoài quê Nghệ An", "mới xuống Bình Dương").
"""

from __future__ import annotations

from bot.kb.asks import asked
from bot.kb.engine import KnowledgeBase
from bot.kb.message import marked
from bot.kb.subjects import places


def test_the_issuer_of_an_asked_number_is_no_office_asked() -> None:
    kinds = asked("chien luoc chinh phu so la quyet dinh so may cua thu tuong", "x", with_places=False)
    assert "docnumber" in kinds and not any(k.startswith("role:") for k in kinds)


def test_an_office_asked_by_itself_is_still_asked() -> None:
    assert "role:thu tuong" in asked("thu tuong hien nay la ai", "x", with_places=False)


def test_a_sentence_ended_by_a_full_stop_is_told_when_another_asks() -> None:
    text = "Tôi xuống Đồng Nai làm được mấy năm. Tên đăng nhập là gì?"
    assert marked(["Tôi xuống Đồng Nai làm được mấy năm", "Tên đăng nhập là gì?"], text) == ["Tên đăng nhập là gì?"]


def test_clauses_cut_at_a_comma_keep_their_place() -> None:
    text = "Hà Tĩnh có bao nhiêu tổ, bao nhiêu thành viên?"
    parts = ["Hà Tĩnh có bao nhiêu tổ", "bao nhiêu thành viên?"]
    assert marked(parts, text) == parts


def test_without_a_question_mark_every_asking_clause_keeps_its_place() -> None:
    parts = ["Tôi xuống Đồng Nai làm được mấy năm", "Tên đăng nhập là gì"]
    assert marked(parts, "Tôi xuống Đồng Nai làm được mấy năm. Tên đăng nhập là gì") == parts


def test_the_place_of_the_story_no_longer_holds_the_answer_back(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Tôi quê Gia Lai, xuống Đồng Nai làm công nhân được mấy năm. Công ty bảo phải cài VNeID "
                            "mà tôi không biết đăng nhập. Tên đăng nhập VNeID là số gì vậy?")
    assert answer.confident and answer.entry == "vneid-ten-dang-nhap"


def test_a_place_the_question_names_still_holds_it_back(real_kb: KnowledgeBase) -> None:
    for question in ("Tỉnh Gia Lai có bao nhiêu tổ công nghệ số cộng đồng, bao nhiêu thành viên?",
                     "Tôi ở Gia Lai. Gia Lai có bao nhiêu tổ công nghệ số cộng đồng?"):
        assert not real_kb.answer(question).confident, question


def test_the_way_to_the_speakers_place_may_name_the_unit_or_the_move_first() -> None:
    # the asker's kin at the commune of their home province, the asker moved down to a province for work
    assert places("ma toi lam van thu o xa ngoai que nghe an", asked=True) == frozenset()
    assert places("em moi xuong binh duong lam cong nhan", asked=True) == frozenset()


def test_a_province_asked_is_still_a_place_asked() -> None:
    assert places("tinh nghe an co bao nhieu to cong nghe so", asked=True) == {"Nghệ An"}
    assert places("toi muon hoi o tinh nghe an co bao nhieu to", asked=True) == {"Nghệ An"}


# Review fixes (fix14c). H1: a full-stopped question with no speaker in it still asks its place, and the short
# follow-up that carries the "?" asks about it too.
_FULL_STOPPED_QUESTIONS = (
    "Tổ công nghệ số cộng đồng Nghệ An có bao nhiêu tổ. Bao nhiêu thành viên?",
    "nghe an co bao nhieu to cong nghe so cong dong. bao nhieu thanh vien?",
    "Nghệ An có bao nhiêu tổ công nghệ số cộng đồng. Còn thành viên thì sao?",
    "Cho hỏi Hà Tĩnh có bao nhiêu tổ công nghệ số cộng đồng. Bao nhiêu thành viên vậy?",
    "Gia Lai có bao nhiêu tổ công nghệ số cộng đồng! Bao nhiêu thành viên?",
    "Quảng Ninh có ngày chuyển đổi số riêng không. Là ngày nào vậy?",
)
# H2: "tại sao"/"tại vì" and "ở nhà hỏi/coi" are no sub-place of the speaker's address.
_WHY_OR_AT_HOME = (
    "Em hỏi tại sao tỉnh Nghệ An chưa có tổ công nghệ số cộng đồng?",
    "e hoi tai sao tinh nghe an chua co to cong nghe so cong dong",
    "Tôi muốn biết tại sao tỉnh Gia Lai có bao nhiêu tổ công nghệ số cộng đồng?",
    "Em hỏi tại sao tỉnh Quảng Ninh có ngày chuyển đổi số riêng vậy?",
    "Tôi muốn hỏi tại sao tỉnh Bình Dương có ngày chuyển đổi số riêng?",
    "Tôi ở nhà hỏi Hà Nội có bao nhiêu tổ công nghệ số cộng đồng?",
    "Mình ở nhà coi Hà Nội có bao nhiêu tổ công nghệ số cộng đồng?",
)


def test_a_full_stopped_question_without_the_speaker_keeps_its_place() -> None:
    text = "Nghệ An có bao nhiêu tổ. Bao nhiêu thành viên?"
    parts = ["Nghệ An có bao nhiêu tổ", "Bao nhiêu thành viên?"]
    assert marked(parts, text) == parts


def test_a_repeated_clause_is_judged_by_its_own_mark() -> None:
    text = "Tôi ở Huế hỏi, tôi ở Huế hỏi. Là gì?"
    parts = ["tôi ở Huế hỏi", "tôi ở Huế hỏi", "Là gì?"]
    assert marked(parts, text) == ["tôi ở Huế hỏi", "Là gì?"]


def test_a_full_stopped_provincial_question_is_not_answered_nationally(real_kb: KnowledgeBase) -> None:
    for question in _FULL_STOPPED_QUESTIONS:
        assert not real_kb.answer(question).confident, question


def test_why_and_at_home_are_no_sub_place_of_the_speaker() -> None:
    assert places("e hoi tai sao tinh nghe an chua co to", asked=True) == {"Nghệ An"}
    assert places("toi o nha hoi ha noi co bao nhieu to", asked=True) == {"Hà Nội"}
    assert places("minh o nha coi ha noi co bao nhieu to", asked=True) == {"Hà Nội"}
    assert places("toi o di an binh duong", asked=True) == frozenset()  # a sub-place of two words still stands


def test_a_provincial_why_question_is_not_answered_nationally(real_kb: KnowledgeBase) -> None:
    for question in _WHY_OR_AT_HOME:
        assert not real_kb.answer(question).confident, question
