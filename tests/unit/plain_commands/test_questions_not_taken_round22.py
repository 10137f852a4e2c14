"""Questions no plain-words command may take (round 22): about subscribing, stopping or the digest, stories told of
someone else, erasing data kept elsewhere, another service's stop, a goal beyond the channel, and requests that say
what they spare the asker. A question taken by a command is worse than a command missed. The messages are the
engineer's own (none from an evaluation set); each is also read typed without marks.
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command
from bot.nlp.normalize import command_form
from handlers.probe import router_probe

pytestmark = pytest.mark.unit

NOT_TAKEN = [
    "đăng ký nhận bản tin có mất tiền không?",
    "đăng ký bản tin rồi thì hủy lúc nào cũng được hả?",
    "nếu tôi đăng ký nhận tin thì mỗi tuần gửi mấy lần?",
    "bản tin của kênh gửi vào ngày nào trong tuần vậy?",
    "sao tuần này tôi không nhận được bản tin?",
    "tôi đăng ký nhận tin rồi mà chưa thấy gì, có phải lỗi không?",
    "làm sao để đăng ký nhận bản tin tỉnh Nghệ An?",
    "muốn hủy đăng ký thì nhắn chữ gì?",
    "hủy đăng ký rồi có đăng ký lại được không?",
    "ai viết bản tóm tắt tin tuần này vậy?",
    "tóm tắt tin tuần này có đúng không, tôi thấy số liệu lạ",
    "chị tôi bảo kênh gửi bản tin mỗi tuần, có thật không?",
    "hôm qua thằng cháu kể chuyện cổ tích cho cả nhà nghe",
    "bà ngoại tôi kể chuyện hồi xưa làng chưa có điện",
    "chuyện ở xóm tôi có ông bị lừa chuyển tiền qua mạng, kênh có biết cách phòng không?",
    "viết câu chuyện về chuyển đổi số cho bài thi ở trường thì nên viết gì?",
    "cuộc thi kể chuyện chuyển đổi số năm nay nộp bài ở đâu?",
    "xóa dữ liệu trên điện thoại cũ trước khi bán thế nào?",
    "làm sao xóa tài khoản Zalo của người đã mất?",
    "xóa lịch sử tìm kiếm trên Google ở đâu?",
    "ngân hàng có xóa dữ liệu sinh trắc học khi tôi đóng tài khoản không?",
    "muốn xóa thông tin cá nhân trên trang web bán hàng thì làm sao?",
    "công ty cũ còn giữ hồ sơ của tôi, có bắt họ xóa được không?",
    "Luật bảo vệ dữ liệu cá nhân cho tôi quyền đòi xóa dữ liệu không?",
    "hủy đăng ký sim chính chủ ở đâu?",
    "dừng gói cước 4G của Viettel bằng cách nào?",
    "ngưng nhận tin nhắn quảng cáo của nhà mạng thì soạn gì?",
    "chặn cuộc gọi lừa đảo trên điện thoại thế nào?",
    "tắt thông báo của ứng dụng VNeID ở đâu?",
    "thôi việc thì có được rút bảo hiểm xã hội một lần không?",
    "hướng dẫn sử dụng VNeID mức 2 cho người già",
    "chỉ em mấy chức năng của ứng dụng ngân hàng số với",
    "các tính năng mới của Zalo năm nay là gì?",
    "menu món ăn ngày tết miền Bắc gồm những gì?",
    "tôi không rành công nghệ, mua điện thoại nào cho mẹ dùng?",
    "tổ công nghệ số cộng đồng giúp được gì cho bà con?",
    "trợ lý ảo của cổng dịch vụ công dùng thế nào?",
    "đọc báo điện tử mỗi ngày có giúp người già nhớ tốt hơn không?",
    "gửi tiền tiết kiệm online có an toàn không?",
    "gửi hồ sơ dịch vụ công qua mạng mất mấy ngày?",
    "nhận lương qua tài khoản ngân hàng có mất phí không?",
    "theo dõi sức khỏe bằng đồng hồ thông minh có chính xác không?",
    "đăng ký tạm trú online cho người thuê trọ thế nào?",
    "thôi, để tôi hỏi con gái cách cài VNeID vậy",
    "không cần đăng ký tài khoản vẫn nộp hồ sơ được hả?",
    "đừng bấm vào đường link lạ trong tin nhắn đúng không?",
    "tôi muốn góp phần chuyển đổi số ở xã mà không biết nên làm gì",
    "kể tên mấy dịch vụ công trực tuyến toàn trình đi",
    "tuần này có lịch tiêm chủng ở phường không?",
    "bản tin thời tiết tuần này có mưa không?",
    "tóm tắt giúp tôi Nghị quyết 57 với",
    "đăng ký để khỏi bỏ lỡ ưu đãi của ngân hàng có được không?",
    "đăng ký nhận bản tin để khỏi bỏ lỡ thì làm sao?",
    "muốn khỏi nhận bản tin tuần này thì gõ gì?",
    "bản tin tuần này thì thôi, mà tuần sau gửi mấy giờ?",
    "chưa cần bản tin tuần này, kênh có bản tin tiếng Khmer không?",
    "con tôi bảo đăng ký bản tin để khỏi phải lên mạng đọc, có đúng không?",
]


def test_there_are_enough_of_them() -> None:
    assert len(NOT_TAKEN) >= 40


@pytest.mark.parametrize("text", NOT_TAKEN)
def test_no_command_takes_it(text: str) -> None:
    assert plain_command(text) is None
    assert plain_command(command_form(text)) is None
    assert router_probe()(text) is None
