"""Commands said in plain words reach the command; questions *about* a command reach the knowledge base.

Phrasings written by the engineer (issue 12 item 5), not taken from any evaluation set: each command in the
several ways a citizen types it — with and without diacritics, teencode ("ko", "k", "dk"), with or without
"muốn", the digest's own name as the object — and questions that share the command's words but ask about
it, or about something else ("tin nhắn giả danh công an đòi xóa dữ liệu"). Routed through the real router
(``handlers.probe``), so the order of the routes counts too.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from handlers.probe import router_probe

COMMANDS = {
    "unsubscribe": [
        "thôi khỏi nhắn bản tin cho tôi", "tôi không muốn nhận bản tin nữa", "đừng gửi bản tin cho em nữa",
        "khong nhan ban tin nua", "ko muốn nhận tin nữa đâu", "k nhận bản tin nữa nha", "ngung gui tin cho minh",
        "unsubscribe giùm", "tôi muốn hủy đăng ký nhận tin", "tắt thông báo bản tin đi",
        "dừng gửi thông báo hằng tuần cho mình nhé",
        # round 5: the stop said without naming the digest, English, no marks
        "thôi không nhận nữa", "đủ rồi, đừng gửi nữa", "dung gui ban tin nua nhe", "stop gửi newsletter giúp mình",
    ],
    "subscribe": [
        "đăng ký nhận bản tin giúp mình", "tôi muốn đăng kí nhận tin", "dang ky nhan tin tuan", "tôi muốn nhận bản tin",
        "đăng ký bản tin tỉnh Bắc Ninh", "subscribe bản tin", "ghi danh nhận bản tin",
        # round 5: a province named anywhere, "thông báo", English
        "theo dõi tin tỉnh Lào Cai", "cho tôi nhận tin của tỉnh Đồng Nai", "tôi ở Đà Nẵng, gửi tin cho tôi hàng tuần",
        "tôi muốn nhận thông báo mỗi tuần", "sign up newsletter cho mình nhé",
        "gửi bản tin mới cho tôi hàng tuần",
    ],
    "digest": ["bản tin tuần này có gì", "có bản tin mới không", "đọc bản tin", "coi ban tin moi nhat",
               "có tin tổng hợp mới nhất không", "gửi mình bản tổng hợp tuần này",
               "tuần này có gì mới, gửi tôi xem với",
               # round 5: last week's issue, dialect
               "tin tức tuần rồi", "bản tin tuần trước", "xem lại bản tin kỳ trước", "tuần qua có tin gì",
               "tuần ni có chi mới, gửi coi với",
               # "weekly" reads "hàng tuần", the digest's own name
               "cho xem bản tin weekly mới nhất", "bản tin hàng tuần mới nhất đâu rồi"],
    "story": [
        "gui cau chuyen cho kenh", "kể chuyện cho kênh nghe", "mình gửi bài cho kênh nhé", "toi muon ke chuyen",
        "cho mình gửi câu chuyện ở thôn", "có chuyện hay ở xóm muốn gửi kênh",
        "ở xóm tôi có chuyện hay, kể cho kênh nghe nhé",
        "mấy đứa cháu tôi dạy ông bà làm thủ tục trên điện thoại, muốn kể cho kênh",
    ],
    "erase": [
        "gỡ sạch dữ liệu cá nhân của mình giúp", "không muốn kênh giữ dữ liệu của tôi nữa", "xóa lịch sử của tôi",
        "xoa het thong tin cua minh",
        # round 5: without the word "xóa"
        "quên tôi đi", "đừng lưu gì về tôi nữa", "dọn sạch dữ liệu của tôi", "gỡ hết thông tin của tôi ra khỏi kênh",
        "bỏ thông tin cá nhân của tui đi",
    ],
    "help": ["kênh này dùng thế nào", "bot giúp được gì", "có những lệnh nào", "tôi có thể làm gì với kênh này",
             "mình chưa biết dùng bot này", "hướng dẫn sử dụng giúp mình", "tôi chưa biết dùng cái này",
             "danh sách chức năng của kênh",
             # round 5
             "liệt kê chức năng", "liệt kê các lệnh", "tôi cần trợ giúp", "tui không biết xài cái này",
             "mần răng để xài bot ni", "kênh có thể làm những việc gì", "có những tính năng gì vậy",
             # the bot asked directly, no "kênh" or "bot" named
             "bạn có thể làm những việc gì", "ad ơi, bạn có thể giúp những gì"],
}
QUESTIONS = [
    "làm sao để hủy nhận bản tin?", "nếu muốn xóa dữ liệu thì nhắn gì?", "câu chuyện gửi rồi bao lâu được đăng?",
    "xóa dữ liệu có mất câu chuyện đã gửi không", "tin nhắn giả danh công an đòi xóa dữ liệu",
    "cách hủy tài khoản VNeID",
    "tôi không nhận được bản tin", "tooi cos theer ddongs gops gif cho chuyeenr ddooir soos",
    "Muốn nhận bản tin hàng tuần của kênh thì phải gõ lệnh gì?", "21 câu chuyện chuyển đổi số đăng ở trang mô rứa?",
    "bản tin có mất phí không", "kênh có lưu dữ liệu của tôi không", "hướng dẫn sử dụng VNeID đi",
    "ke hoach to chuc ngay chuyen doi so nam 2022 la quyet dinh nao", "tôi muốn gửi đơn khiếu nại qua kênh",
    "kênh có mấy câu chuyện rồi", "ai duyệt câu chuyện tôi gửi", "gửi câu chuyện thì ai cũng gửi được phải không",
    "tắt thông báo của ứng dụng VNeID thế nào", "danh sách các tỉnh có ngày chuyển đổi số riêng",
    # round 5: near the new phrasings
    "nếu muốn kênh quên tôi thì làm thế nào", "làm sao để xem lại bản tin tuần trước",
    "Tổ công nghệ số cộng đồng có những chức năng gì", "Cổng dịch vụ công có những tính năng nào",
    "tôi muốn biết bài viết về chuyển đổi số nói gì", "kênh có ứng dụng nào dùng thử không",
    "tôi ở Huế, thủ tục cấp căn cước làm ở đâu", "tin tức tuần rồi về VNeID nói gì thế nào",
    # asking the bot for a story, or about someone else's messages
    "kể chuyện cổ tích cho cháu nghe đi", "kể chuyện cười cho mình nghe", "nhà mạng cứ trừ tiền tin nhắn, hủy kiểu gì",
]


@pytest.fixture(scope="module")
def route() -> Callable[[str], str | None]:
    return router_probe()  # type: ignore[return-value]


@pytest.mark.parametrize(("command", "text"), [(c, t) for c, texts in COMMANDS.items() for t in texts])
def test_plain_words_reach_the_command(route: Callable[[str], str | None], command: str, text: str) -> None:
    assert route(text) == command


@pytest.mark.parametrize("text", QUESTIONS)
def test_questions_about_a_command_reach_the_knowledge_base(route: Callable[[str], str | None], text: str) -> None:
    assert route(text) is None
