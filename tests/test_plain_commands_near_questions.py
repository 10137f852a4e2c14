"""Round 9: commands in plain words, three lists of the engineer's own (qa9d9), and the questions near them.

List 1 was written before any round-9 change and measured once on main (41/43 commands, 1 of 16 questions
taken: "đăng ký nhận thông báo dịch vụ công qua zalo" reached subscribe); list 2 after the dev9a fixes,
measured once on main and on the branch (34/34 both, 0 of 12 taken); list 3 after the last change (main 20/20
with 1 of 8 taken, "đăng ký nhận tin nhắn từ ngân hàng"; the branch 20/20, 0 taken). Regional words, teencode,
no diacritics, polite forms; not taken from any evaluation set. The extra questions guard the round's new
phrases: a channel that "does not keep" is a wish only when it is not a complaint ("không lưu được"), a story
in hand is not a question about one, a citizen who forgot their own password is not asking the channel to
forget them. Routed through the real router.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from handlers.probe import router_probe

COMMANDS = {
    "unsubscribe": [
        "bữa nay tui hổng muốn nhận tin nữa nghen ad",
        "cắt giùm chú cái tin hàng tuần",
        "thoi dung nhan tin cho e nua",
        "em xin thôi theo dõi bản tin ạ",
        "thôi đủ rồi, đừng gửi mấy cái tin đó cho tui nữa", "ad ơi cho e ngưng nhận bản tin nha, dạo này bận quá",
        "ko coi tin nữa, hủy giùm", "tui hổng có muốn nhận tin tức gì nữa hết á",
        "xin phép được thôi nhận tin của kênh ạ", "huy nhan tin tuan giup chau voi",
        "cháu xin dừng đăng ký nhận bản tin ạ", "Ngưng gửi giùm tui nghen, điện thoại kêu hoài",
        "từ rày về sau khỏi gởi tin cho tui nghen", "mệt quá, cắt bản tin giùm em",
        "thoi ko nhan ban tin nua nha ad", "chú hổng cần mấy tin tuần này nữa, ngưng đi",
        "con xin phép hủy nhận tin tức của kênh ạ", "đừng nhắn bản tin nữa mà",
    ],
    "subscribe": [
        "ghi danh cho cháu nhận tin tuần với ạ",
        "tui muốn nhận tin tức chuyển đổi số mỗi tuần",
        "dang ky ban tin giup toi",
        "cho tui vô danh sách nhận tin với", "từ nay tuần nào cũng gửi tin cho bác nhé",
        "em muon dang ky nhan ban tin chuyen doi so", "ad ơi ghi danh cho chú nhận bản tin hàng tuần",
        "mình đăng ký theo dõi tin chuyển đổi số nha", "có bản tin thì gửi cho tui đọc với nghen",
        "cho e nhận tin tức mỗi tuần dc ko ạ", "cho mình xin đăng ký nhận bản tin nhé",
        "tuần nào có tin thì nhắn tui với", "dk nhan tin tuc hang tuan cho e",
        "bác muốn được nhận bản tin chuyển đổi số", "đăng ký cho tui theo dõi kênh nha",
    ],
    "story": [
        "nhà tui có chuyện hay về bán nông sản qua mạng, gửi kênh được hông",
        "cháu có câu chuyện về lớp dạy dùng điện thoại cho người già, muốn gửi",
        "cho em kể chuyện chuyển đổi số ở thôn em nha",
        "xóm tui có bà con làm livestream bán bưởi hay lắm, muốn gửi kênh đăng",
        "tôi muốn kể chuyện ông trưởng thôn dạy người già dùng điện thoại",
        "cho chau gui 1 cau chuyen ve hop tac xa nhe",
        "em có bài viết về chợ không tiền mặt ở phường, gửi kênh được không",
        "ở ấp tui có mô hình nông dân bán hàng qua zalo, tui kể cho kênh nghe nha",
        "muốn đóng góp câu chuyện chuyển đổi số ở địa phương", "có chuyện hay ở bản muốn chia sẻ lên kênh",
        "thôn em có chị làm du lịch cộng đồng qua mạng hay lắm, em muốn kể cho kênh",
        "tui có câu chuyện về ông bí thư xã dùng zalo họp dân, gửi lên kênh nha",
        "cho cháu đóng góp bài viết cho kênh với ạ", "co chuyen hay o ap muon ke cho kenh",
        "em có một câu chuyện muốn chia sẻ", "gửi kênh câu chuyện ở hợp tác xã nhà em nhé",
    ],
    "digest": [
        "bản tin mới nhất đâu ad",
        "cho coi tin tổng hợp tuần này với",
        "xem điểm tin tuần trước",
        "cho xem bản tin tuần này", "tuần rồi có tin gì về chuyển đổi số hông ad",
        "gui ban tin moi nhat cho minh doc voi", "mở bản tin mới ra coi thử", "điểm tin tuần này đâu ad",
        "cho bác đọc tin tổng hợp kỳ này", "có tin mới hông, gửi tui coi", "bản tin tuần này có chưa ad",
        "coi điểm tin mới nhất", "gửi bản tin mới cho bác coi với", "cho xem tin tổng hợp tuần rồi",
        "doc ban tin tuan nay",
    ],
    "erase": [
        "bot ơi xóa hết những gì bot biết về chú đi",
        "mình không muốn kênh giữ dữ liệu của mình nữa",
        "xoa sach thong tin cua em giup em",
        "làm ơn gỡ hết dữ liệu của tui khỏi kênh",
        "xóa hết thông tin của tui trên kênh này đi", "em muốn xóa toàn bộ dữ liệu của em",
        "gỡ bỏ hết thông tin cá nhân của chú giùm", "kênh đừng lưu thông tin của tôi nữa nhé",
        "xoa data cua minh di ad", "tôi muốn kênh quên hết những gì tôi đã nhắn",
        "cho mình xóa lịch sử trò chuyện với bot", "xóa sạch dữ liệu của tui đi ad",
        "em không muốn kênh giữ thông tin của em nữa, xóa giúp em", "gỡ hết thông tin của bác khỏi kênh",
        "xoa het thong tin ca nhan cua minh giup", "bot quên hết về tôi đi nhé",
        "cho mình xóa toàn bộ dữ liệu mình đã gửi",
    ],
    "help": [
        "kênh ni làm được chi rứa",
        "ad ơi bot này xài sao vậy",
        "tui mới vô, hổng biết bấm vô đâu",
        "bot nay lam dc gi vay", "mới vô kênh, chỉ tui cách dùng với", "có những lệnh nào vậy ad",
        "hướng dẫn giùm cách sử dụng kênh", "kênh này xài sao ta", "ad ơi em phải bấm gì để dùng", "trợ giúp",
        "kênh này dùng để làm gì vậy ad", "tui mới vô, không biết làm gì hết, chỉ với", "hướng dẫn sử dụng đi ad",
        "bot giúp được gì cho tui", "có menu không ad", "bày em cách xài bot này",
    ],
}

QUESTIONS = [
    "bot có giữ tin nhắn của tôi lâu không",
    "gửi câu chuyện lên kênh có cần ảnh không",
    "bản tin tuần có những mục gì",
    "quên mật khẩu zalo thì làm sao",
    "đăng ký nhận tin nhắn từ ngân hàng",
    "xóa dữ liệu thì có mất đăng ký không",
    "làm sao để bot hiểu câu hỏi của tôi",
    "có câu chuyện nào về tổ công nghệ số không",
    "bản tin gửi mấy giờ trong tuần", "hủy đăng ký rồi có đăng ký lại được không",
    "kênh lưu dữ liệu của tôi bao lâu", "câu chuyện gửi lên kênh ai duyệt", "cách xóa dữ liệu trên ứng dụng VNeID",
    "ngưng nhận tin nhắn quảng cáo của nhà mạng thế nào", "đăng ký nhận thông báo dịch vụ công qua zalo",
    "kể tên các dịch vụ công trực tuyến toàn trình", "thôi học thì có được hoàn học phí không",
    "xóa thông tin cá nhân trên mạng xã hội như thế nào", "tuần này có lịch tiêm chủng không",
    "hướng dẫn sử dụng cổng dịch vụ công quốc gia", "bot có lưu tin nhắn của tôi không",
    "em muốn biết cách đăng ký nhận bản tin", "nhận tin nhắn trúng thưởng có nên tin không",
    "chuyển đổi số giúp gì cho người già", "bản tin có gửi vào chủ nhật không",
    "xóa dữ liệu rồi có lấy lại được không", "câu chuyện gửi rồi bao lâu thì đăng",
    "làm sao để bot không trả lời sai", "đăng ký nhận tin nhắn cảnh báo lừa đảo của bộ công an",
    "bấm gì để nộp hồ sơ trực tuyến", "tôi quên hết mật khẩu VNeID của tôi",
    "có câu chuyện nào về nông dân bán hàng online không", "xóa thông tin tài khoản ngân hàng trên điện thoại",
    "hủy đăng ký xe máy cũ ở đâu", "kể tên các trụ cột chuyển đổi số", "tuần này có sự kiện chuyển đổi số nào không",
    "sao kênh không lưu được thông tin của tôi", "có câu chuyện gửi cho kênh thì có nhuận bút không",
    "tôi quên hết mật khẩu của tôi rồi", "bấm gì để hủy đăng ký", "làm sao để xóa dữ liệu",
    "có câu chuyện nào về chuyển đổi số ở miền núi không", "đăng ký nhận tin nhắn thông báo tiền điện qua zalo",
    "vneid không lưu được thông tin thì làm sao",
]


@pytest.fixture(scope="module")
def route() -> Callable[[str], str | None]:
    return router_probe()  # type: ignore[return-value]


@pytest.mark.parametrize(("command", "text"), [(c, t) for c, texts in COMMANDS.items() for t in texts])
def test_own_plain_words_reach_the_command(route: Callable[[str], str | None], command: str, text: str) -> None:
    assert route(text) == command


@pytest.mark.parametrize("text", QUESTIONS)
def test_questions_near_them_stay_with_the_knowledge_base(route: Callable[[str], str | None], text: str) -> None:
    assert route(text) is None


@pytest.mark.parametrize(("command", "text"), [
    # a story in hand, asked how to send without "muốn": starting the story is the how
    ("story", "chú có chuyện hay về tổ công nghệ số ấp mình, gửi kênh thế nào"),
    ("story", "em có câu chuyện về chợ 4.0, gửi cho kênh làm sao ạ"),
    # erasing asked for after a how, and keeping stopped said of the channel (the command confirms first)
    ("erase", "làm sao để kênh không lưu gì về tui nữa, xóa hết được không?"),
    ("erase", "bot ko lưu thông tin của mình nữa nha"),
    ("erase", "tôi muốn kênh quên hết những gì tôi đã nhắn"),
    # which button, asked bare
    ("help", "ad ơi em phải bấm gì để dùng"),
])
def test_round9_structures(route: Callable[[str], str | None], command: str, text: str) -> None:
    assert route(text) == command
