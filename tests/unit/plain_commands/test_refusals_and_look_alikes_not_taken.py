"""Messages no plain-words command may take: refusals of the digest or a subscription, questions about a command or
an issue, commands asked for someone else's other things, other products' features, writing asked for the asker, and
look-alikes of another service. A digest or subscription sent on a refusal, or a question taken by a command, is worse
than a command missed. The messages are the engineer's own (none from an evaluation set).
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command
from handlers.probe import router_probe

pytestmark = pytest.mark.unit

NOT_TAKEN = [
    "không cần gửi bản tóm tắt tuần này",
    "chưa cần gửi bản tin tuần này cho tôi đâu",
    "chua can gui ban tin cho toi dau",
    "bản tin mới nhất thì chưa cần đâu",
    "gửi bản tin tuần này cho mình thì không cần đâu",
    "cấm gửi bản tin tuần này",
    "chưa cần đăng ký nhận bản tin đâu",
    "tôi chưa muốn nhận bản tin",
    "tóm tắt tin này thì khỏi gửi",
    "gửi tóm tắt tin này cho mình, thôi khỏi nha",
    "ko gui tom tat tin nay nua",
    "ai gửi bản tin tuần này vậy",
    "bản tin tuần này ai viết vậy",
    "gửi bản tin tuần này làm gì",
    "bản tin mới nhất có mất phí không",
    "xem bản tin tuần này có tốn tiền không",
    "bản tin tuần này sao gửi trễ vậy",
    "gửi bản tin tuần này lên facebook được không",
    "Tôi đã đọc bản tóm tắt này rồi",
    "xin lỗi, tóm tắt tin này sai",
    "muốn hủy đăng ký bản tin thì gõ gì",
    "hủy đăng ký bản tin có mất phí không",
    "xóa dữ liệu thì còn hỏi bot được không",
    "gửi câu chuyện cho kênh có bị lộ tên không",
    "bản tin tuần này có gửi vào thứ mấy",
    "huy cho anh Tuan",
    "hủy cho anh Tuấn",
    "hủy cho vợ thẻ ATM",
    "hủy cho cả nhà mình nha",
    "hủy cho mẹ tôi thẻ bảo hiểm",
    "dừng cho chị Lan cái hẹn khám",
    "hủy giúp chị Hoa lịch hẹn",
    "ngưng cho anh Tư cái gói cước",
    "hủy giùm ba cái vé máy bay",
    "chỉ tôi mấy tính năng của iPhone",
    "chỉ em mấy chức năng của VNeID",
    "chỉ em chức năng chụp màn hình",
    "chỉ bà cách gọi video với",
    "máy giặt này có mấy chức năng",
    "Tui hổng rành mấy cái này, số hóa của cây đàn nghĩa là sao, có nên mua đàn cũ hông?",
    "Tôi không rành mấy cái này, giá iPhone bây giờ bao nhiêu?",
    "AI có viết hộ em bài luận 1000 chữ phân tích Vợ nhặt được ko ạ",
    "viết giúp em bài văn tả mẹ được không",
    "viết bài thơ về quê hương giúp mình nha",
    "kể chuyện cổ tích cho cháu nghe đi",
    "kể tên các dịch vụ công trực tuyến",
    "tin nhắn zalo gửi cho mẹ không tới",
    "đăng ký khai sinh cho con online thế nào",
    "hủy đăng ký thường trú ở đâu",
    "đăng ký nhận thông báo cho con tôi trên VNeID",
    "chặn tin nhắn rác thế nào",
    "xóa tài khoản facebook sao",
    "bản tin thời sự VTV tối nay có gì",
    "xem bản tin thời tiết ngày mai",
    "tuần này giá vàng có gì mới",
    "gửi tiền qua ngân hàng điện tử có an toàn không",
    "menu tiệc cưới nên có món gì",
    "lệnh cấm bán hàng rong có không",
]


def test_there_are_enough_of_them() -> None:
    assert len(NOT_TAKEN) >= 40


@pytest.mark.parametrize("text", NOT_TAKEN)
def test_no_command_takes_it(text: str) -> None:
    assert plain_command(text) is None
    assert router_probe()(text) is None
