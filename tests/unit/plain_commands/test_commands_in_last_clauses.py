"""Round 10 (qa10cmd): commands in plain words as the session-10 writers ask — phrase level, through the reader.

Four lists of the engineer's own, not taken from an evaluation set, checked against ``plain_command`` directly (the
webhook costs ~20 ms a case; the chat-level tests that show the confirmation step are in tests/test_qa_chat.py).
List 1 (39 commands, 18 questions) and list 2 (41, 16) were written before any round-10 change: main 39/39 and
30/41, no question taken. List 3 (31, 16) after the first changes: main 24/31, the branch 30/31 with 1 question
taken ("có lệnh nào cấm bán hàng online không"). List 4 (33, 14) after list 3's fixes: main and the branch 31/33,
1 taken ("con tôi muốn viết bài … cho trường, có tài liệu nào không", which main takes too). Their misses were then
fixed, so the lists are tuned now; the held-out evidence is in docs/qa-history/round-10.md. Left out: "muốn
post lên kênh" (the dialect reads "post" as Telex, "pót").
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import MAX_WORDS, _last_clauses, plain_command

COMMANDS = [
    ("thôi đừng gửi bản tin cho tui nữa nha ad", "unsubscribe"),
    ("cho em ngưng nhận tin từ kênh nhé", "unsubscribe"),
    ("ad oi bo dang ky ban tin giup minh", "unsubscribe"),
    ("tui hổng có muốn nhận mấy cái tin ni nữa", "unsubscribe"),
    ("dung gui tin cho e nua nhe", "unsubscribe"),
    ("k muốn nhận bản tin nữa đâu, hủy giùm", "unsubscribe"),
    ("tắt thông báo bản tin hàng tuần giúp bác với", "unsubscribe"),
    ("thui khỏi gửi tin nha", "unsubscribe"),
    ("cho tui đăng ký nhận bản tin với", "subscribe"),
    ("mình muốn nhận tin chuyển đổi số mỗi tuần", "subscribe"),
    ("dang ky nhan ban tin hang tuan cho em nha", "subscribe"),
    ("ad ơi gửi tin hàng tuần cho bác nghen", "subscribe"),
    ("e mún đk nhận bản tin", "subscribe"),
    ("tuần nào có bản tin thì gửi cho cháu với", "subscribe"),
    ("cho mình theo dõi kênh để nhận tin mới nhé", "subscribe"),
    ("mình có câu chuyện về hợp tác xã làm nông nghiệp số, muốn gửi kênh", "story"),
    ("cho bác kể chuyện ông trưởng thôn dạy dân quét mã QR nhé", "story"),
    ("ở ấp tui có chị bán hàng livestream giỏi lắm, tui muốn chia sẻ lên kênh", "story"),
    ("e muon gui cau chuyen cua lop e len kenh duoc ko", "story"),
    ("có chuyện hay ở bản muốn kể cho kênh nghe", "story"),
    ("tôi muốn đóng góp một bài viết về xã tôi cho kênh", "story"),
    ("cho xem bản tin mới nhất đi", "digest"),
    ("bản tin tuần này đâu rồi ad", "digest"),
    ("gửi mình bản tin tuần này với", "digest"),
    ("coi tin tong hop tuan nay", "digest"),
    ("tuần ni có tin chi mới không ad", "digest"),
    ("đọc điểm tin tuần rồi cho bác với", "digest"),
    ("xóa hết dữ liệu của tôi đi", "erase"),
    ("gỡ sạch thông tin cá nhân của mình giúp", "erase"),
    ("xoa du lieu cua em tren kenh nhe", "erase"),
    ("tui muốn kênh xóa hết thông tin về tui", "erase"),
    ("đừng lưu gì về mình nữa, xóa hết đi", "erase"),
    ("ad xoá giùm lịch sử tin nhắn của cháu", "erase"),
    ("bot này làm được gì vậy", "help"),
    ("ad ơi hướng dẫn sử dụng với", "help"),
    ("kênh ni xài răng rứa", "help"),
    ("mới vô chưa biết gì, chỉ bác với", "help"),
    ("kenh nay giup dc nhung j", "help"),
    ("có những chức năng gì vậy bot", "help"),
    ("ad ơi cho e out khỏi danh sách nhận tin nha", "unsubscribe"),
    ("thôi khỏi nhắn bản tin cho tôi", "unsubscribe"),
    ("ngưng nhận tin giùm", "unsubscribe"),
    ("đừng spam tin cho tui nữa", "unsubscribe"),
    ("hông cần gởi tin tức nữa nghen", "unsubscribe"),
    ("ko nhận newsletter nữa nhé", "unsubscribe"),
    ("tui hết ham đọc bản tin rồi, bỏ tui ra khỏi danh sách đi", "unsubscribe"),
    ("mi đừng gửi tin cho tau nữa", "unsubscribe"),
    ("add e vô danh sách nhận bản tin vs", "subscribe"),
    ("có tin mới thì báo bác với nghe", "subscribe"),
    ("cho tau nhận tin mỗi tuần hí", "subscribe"),
    ("mình muốn được update tin cđs hàng tuần", "subscribe"),
    ("follow kênh để nhận tin nha ad", "subscribe"),
    ("tuần mô cũng gửi tin cho tui nghe", "subscribe"),
    ("ghi tên em vào danh sách nhận tin nha", "subscribe"),
    ("có có chuyện hay ở xóm muốn gửi kênh", "story"),
    ("bên xã em có mô hình chợ số hay lắm, e muốn share cho kênh", "story"),
    ("tui có chuyện ông bà già bán rau qua zalo, kể kênh nghe nha", "story"),
    ("muốn viết bài về thôn mình gửi lên kênh được hông", "story"),
    ("thôn tui có anh thanh niên dạy người già xài smartphone, muốn kể cho kênh", "story"),
    ("cho tui gửi bài về htx của tui nha", "story"),
    ("tin hot tuần này của kênh gửi mình coi với", "digest"),
    ("tóm tắt tin tuần này cho bác đọc", "digest"),
    ("bản tin mới ra chưa ad, gửi e xem", "digest"),
    ("tuần ni có chi hay không, gửi tui coi", "digest"),
    ("cho xin số bản tin mới nhất", "digest"),
    ("update tin mới nhất tuần này cho e đi", "digest"),
    ("ban tin tuan truoc dau ad", "digest"),
    ("gỡ sạch dữ liệu cá nhân của mình giúp", "erase"),
    ("delete hết data của e đi ad", "erase"),
    ("xóa tài khoản của tui trên kênh luôn", "erase"),
    ("kênh quên tui đi, xóa hết mọi thứ", "erase"),
    ("xoá sạch những gì t đã nhắn với bot", "erase"),
    ("clear hết thông tin của mình nha", "erase"),
    ("bot ni làm chi được", "help"),
    ("chỉ e cách xài bot vs", "help"),
    ("kênh này có gì, giới thiệu sơ cho tui với", "help"),
    ("menu đâu ad", "help"),
    ("ad ơi có lệnh nào dùng được không", "help"),
    ("tui hỏi được mấy cái gì ở đây", "help"),
    ("thôi bà không đọc bản tin nữa đâu, đừng gửi nữa con", "unsubscribe"),
    ("dung gui ban tin cho ong nua nghe", "unsubscribe"),
    ("tớ muốn hủy nhận tin nhé", "unsubscribe"),
    ("ngừng gởi tin cho tau đi, tau bận", "unsubscribe"),
    ("mute bản tin giùm e nha ad", "unsubscribe"),
    ("khỏi gửi tin tuần cho mik nữa nhé", "unsubscribe"),
    ("ông muốn nhận bản tin hằng tuần nhé con", "subscribe"),
    ("cho tớ nhận tin tức cđs mỗi tuần với", "subscribe"),
    ("dang ky nhan tin cho bac voi nghe", "subscribe"),
    ("có bản tin mới thì nhắn cho bà với nhé", "subscribe"),
    ("t muốn đk nhận bản tin nha ad", "subscribe"),
    ("làng tui có bà cụ 80 tuổi học xài smartphone giỏi lắm, tui muốn kể cho kênh", "story"),
    ("bên phường em có tổ công nghệ số hay lắm, em tính gửi câu chuyện cho kênh", "story"),
    ("ông có câu chuyện về htx chè muốn gửi lên kênh nghe con", "story"),
    ("quê mình có mô hình du lịch số khá lắm, mún kể lên kênh thì làm răng", "story"),
    ("cho tớ kể chuyện ở khu phố tớ nhé", "story"),
    ("gửi bà đọc bản tin tuần này với con", "digest"),
    ("tuần ni có chi mới, gửi ông coi với", "digest"),
    ("ad ơi tuần này có tin gì hot hông", "digest"),
    ("cho mik xem tóm tắt tin tuần rồi", "digest"),
    ("xem ban tin moi nhat", "digest"),
    ("bà muốn xóa hết thông tin của bà trên kênh ni", "erase"),
    ("clear data của tớ đi ad", "erase"),
    ("xóa giùm ông mấy cái tin nhắn của ông với", "erase"),
    ("t ko muốn bot lưu gì về t nữa, xoá hết đi", "erase"),
    ("xoa sach nhung gi minh da nhan nha", "erase"),
    ("kênh nầy làm được những gì hả con", "help"),
    ("bot nì giúp được chi rứa", "help"),
    ("tớ hỏi được những gì ở đây thế", "help"),
    ("kênh này có những gì, giới thiệu cho ông nghe với", "help"),
    ("có những lệnh nào vậy ad", "help"),
    ("dạo này bận quá, thôi ngưng gửi tin cho cháu một thời gian nhé", "unsubscribe"),
    ("điện thoại ting ting hoài, tắt bản tin giùm bà con ơi", "unsubscribe"),
    ("unfollow kênh giùm e, ko đọc nổi nữa", "unsubscribe"),
    ("tin nhiều quá đọc hông xuể, cho tui nghỉ nhận nghen", "unsubscribe"),
    ("bo nhan ban tin di ad, e doc ko kip", "unsubscribe"),
    ("ông già rồi đọc không được, đừng nhắn tin tuần cho ông nữa", "unsubscribe"),
    ("bữa trước con gái tui nói kênh có bản tin hay, đăng ký cho tui nhận với", "subscribe"),
    ("ad ơi sub bản tin cho e vs", "subscribe"),
    ("tuần nào cũng muốn đọc tin cđs, gửi cho bác đều đều nhé", "subscribe"),
    ("cho t đăng kí nhận tin mỗi tuần, làm báo cáo cần lắm", "subscribe"),
    ("tháng nào tuần nào có tin mới thì gửi ông đọc nghe con", "subscribe"),
    ("muốn nhận tin hàng tuần qua zalo ni, đăng ký răng hè", "subscribe"),
    ("ở ấp tui có cô giáo dạy bà con quét mã thanh toán, hay quá trời, tui muốn gửi kênh câu chuyện này", "story"),
    ("xã em mới làm chợ online cho bà con bán nông sản xịn lắm, e muốn viết bài gửi lên kênh", "story"),
    ("thôn bác có ông trưởng thôn lập nhóm zalo báo tin cho dân, bác muốn kể chuyện đó lên kênh được không", "story"),
    ("cho cháu gửi câu chuyện về tổ công nghệ số xã cháu ạ", "story"),
    ("trường tớ có clb dạy người già dùng smartphone, muốn chia sẻ lên kênh thì làm thế nào nhỉ", "story"),
    ("sáng mai họp chi bộ, gửi bác bản tin tuần này đọc trước với", "digest"),
    ("tuần rồi có tin gì, cho ông xem lại với", "digest"),
    ("tin tổng hợp mới nhất đâu ad, gửi e đọc liền", "digest"),
    ("cho bà coi bản tin mới với con", "digest"),
    ("có bản tin tuần ni chưa rứa", "digest"),
    ("newsletter mới nhất đâu ad", "digest"),
    ("bà không muốn kênh giữ thông tin của bà nữa, xóa hết đi con", "erase"),
    ("xoá hết lịch sử chat của tui với bot luôn nha", "erase"),
    ("con muốn xóa tài khoản của con khỏi kênh", "erase"),
    ("dọn sạch dữ liệu của t trên bot đi, ko muốn lưu lại", "erase"),
    ("xóa tên tui khỏi kênh giùm", "erase"),
    ("con ơi kênh ni dùng răng, bà chưa biết chi", "help"),
    ("mới vô nhóm, ad chỉ e xài bot sao với", "help"),
    ("bot này biết làm gì z ad", "help"),
    ("hướng dẫn sử dụng kênh đi con", "help"),
    ("ad oi kenh nay co nhung chuc nang gi", "help"),
]

QUESTIONS = [
    "Làm sao để đăng ký nhận bản tin?",
    "bản tin gửi vào thứ mấy vậy ad",
    "hủy đăng ký rồi có đăng ký lại được không",
    "xóa dữ liệu rồi có lấy lại được không",
    "kênh có lưu thông tin của tôi không",
    "gửi câu chuyện cho kênh thì ai duyệt",
    "tổ công nghệ số có nhiệm vụ gì",
    "làm sao xóa tài khoản VNeID",
    "cách hủy đăng ký dịch vụ SMS ngân hàng",
    "ứng dụng VNeID có những chức năng gì",
    "chuyển đổi số giúp gì cho nông dân",
    "tin giả trên mạng thì làm sao nhận biết",
    "đăng ký kết hôn online được không",
    "muốn xóa thông tin trên cổng dịch vụ công thì làm thế nào",
    "bản tin có mất phí không ad",
    "kể tên các dịch vụ công thiết yếu",
    "ngưng dịch vụ internet thì làm sao",
    "nhận tin nhắn lừa đảo thì báo ở đâu",
    "cách đăng ký tài khoản định danh điện tử",
    "ở xóm có ông bị lừa qua zalo thì báo ai",
    "share link dịch vụ công cho người khác được không",
    "tin hot về chuyển đổi số năm nay là gì",
    "dữ liệu cá nhân được bảo vệ theo nghị định nào",
    "làm sao xóa dữ liệu trên điện thoại cũ",
    "muốn đăng ký chữ ký số thì làm thế nào",
    "tóm tắt chuyển đổi số là gì cho tui",
    "kênh này của cơ quan nào",
    "có cách nào ngưng nhận tin nhắn quảng cáo không",
    "ứng dụng nào giúp người dân nộp hồ sơ online",
    "chuyện người dân bị lừa cài app giả thì sao",
    "nền tảng số là gì",
    "bản tin của kênh do ai viết",
    "tôi muốn biết cách gửi câu chuyện",
    "sao tôi đăng ký rồi mà không nhận được tin",
    "ông bà tôi có cần cài VNeID không",
    "tuần này có lễ hội gì hay không",
    "tóm tắt nghị quyết 57 cho tôi",
    "tin hot nhất hôm nay là gì",
    "clear cache trên điện thoại thế nào",
    "xóm tui có người bị lừa qua mạng, báo công an ở đâu",
    "muốn gửi câu chuyện cho kênh thì làm sao",
    "bà tôi muốn đăng ký tài khoản định danh thì làm sao",
    "tôi hỏi được ai về thủ tục hộ tịch",
    "giới thiệu về chuyển đổi số cho tôi",
    "kênh này có phải của nhà nước không",
    "có lệnh nào cấm bán hàng online không",
    "câu chuyện ở xóm tôi được đăng chưa",
    "tớ muốn đọc các câu chuyện chuyển đổi số",
    "có tin mới về VNeID thì đọc ở đâu",
    "xóa tài khoản ngân hàng số thế nào",
    "bà tôi già rồi có được miễn làm căn cước không",
    "tin nhắn báo trúng thưởng thì có nên xóa đi không",
    "ở ấp tui mạng yếu quá, gửi hồ sơ online không được",
    "tuần này hạn nộp thuế là ngày nào",
    "con tôi muốn viết bài về chuyển đổi số cho trường, có tài liệu nào không",
    "ông trưởng thôn nói phải cài VNeID, có đúng không",
    "cách xóa lịch sử duyệt web trên điện thoại",
    "bot trả lời sai thì báo ai",
    "đăng ký nhận trợ cấp người cao tuổi online được không",
    "tóm tắt chương trình chuyển đổi số quốc gia",
    "xóm tui có quán cà phê dùng QR, có phải chuyển đổi số không",
    "mình hỏi được ai về lừa đảo qua mạng",
    "kênh có gửi tin vào cuối tuần không",
    "bà muốn biết làm sao để hủy đăng ký bản tin",
]


@pytest.mark.parametrize(("text", "command"), COMMANDS)
def test_own_plain_words_reach_the_command(text: str, command: str) -> None:
    assert plain_command(text) == command


@pytest.mark.parametrize("text", QUESTIONS)
def test_questions_near_them_stay_with_the_knowledge_base(text: str) -> None:
    assert plain_command(text) is None


# List 5: long messages (36–47 words) that say why first and ask last, written before the last clauses were read
# (main and the branch before it: 0/12, none of its 8 long questions taken; after: 11/12, 0 taken). Left out:
# "tui cũng muốn nhận tin hàng tuần nữa" ("nữa" = "too" here, but a stop word for subscribe).
LONG_COMMANDS = [
    ("Dạ chào ad, bà năm nay bảy mươi mấy tuổi rồi, mắt kém lắm, con cháu đi làm ăn xa hết, "
     "bà đọc bản tin không kịp, thôi đừng gửi bản tin cho bà nữa nghe con", "unsubscribe"),
    ("ad ơi dạo này e ôn thi cuối kỳ bận tối mặt tối mũi, "
     "điện thoại cứ ting ting hoài mất tập trung lắm, cho e ngưng nhận bản tin một thời gian nha, "
     "thi xong e đăng ký lại", "unsubscribe"),
    ("Chào kênh, tôi là cán bộ văn hóa xã, "
     "hay phải tuyên truyền cho bà con về chuyển đổi số mà không có tài liệu mới, "
     "nên muốn đăng ký nhận bản tin hàng tuần để có cái mà nói, cảm ơn nhiều", "subscribe"),
    ("Dạ thưa ad, ở thôn em có bác nông dân trồng bưởi, trước bán cho thương lái bị ép giá hoài, "
     "giờ bác tự quay video bán trên mạng, đắt hàng lắm, em muốn kể câu chuyện này cho kênh ạ", "story"),
    ("xã tui mới lập hợp tác xã bán nông sản trên sàn thương mại điện tử, bà con ai cũng hồ hởi, "
     "tháng rồi bán được mấy tấn khoai lang, "
     "tui muốn gửi câu chuyện này lên kênh cho mọi người biết, được hông ad", "story"),
    ("mai em phải lên lớp sinh hoạt chủ đề chuyển đổi số cho mấy đứa nhỏ mà chưa chuẩn bị được gì hết trơn, "
     "ad gửi em bản tin tuần này đọc trước với, cảm ơn ad nhiều nhiều", "digest"),
    ("Chiều nay chi bộ họp, "
     "bí thư giao tôi điểm qua tình hình chuyển đổi số trong tuần mà tôi bận ngoài đồng cả tuần chưa theo dõi gì, "
     "cho tôi xem bản tin tuần này với nhé", "digest"),
    ("Tôi đã dùng kênh này được mấy tháng, "
     "giờ đổi số điện thoại mới và không muốn để lại gì trên tài khoản cũ, "
     "nhờ kênh xóa hết dữ liệu của tôi đi, cảm ơn kênh đã hỗ trợ thời gian qua", "erase"),
    ("hồi trước con tui mượn điện thoại tui hỏi bot đủ thứ chuyện linh tinh, "
     "giờ tui không muốn kênh giữ mấy cái đó nữa, "
     "xóa hết thông tin của tui mà bot đang lưu giùm nha ad", "erase"),
    ("Dạ con chào ad, con mới được cháu nội cài cho cái Zalo, "
     "nó bảo vô kênh này hỏi chuyện chuyển đổi số, mà con già rồi không rành, "
     "ad chỉ con cách dùng kênh ni với, con cảm ơn", "help"),
    ("tui mới được tổ công nghệ số ấp tui giới thiệu vô kênh này, "
     "nghe nói hỏi gì cũng được mà tui hổng biết bắt đầu từ đâu, bot này làm được những gì vậy, "
     "chỉ tui với", "help"),
]

LONG_QUESTIONS = [
    "Dạ thưa ad, hôm trước ở xã có cán bộ về hướng dẫn đăng ký tài khoản định danh điện tử mức 2, "
    "bà con hỏi nhiều quá mà tôi không trả lời được, "
    "cho tôi hỏi đăng ký thì cần mang theo giấy tờ gì ạ",
    "con tui đi làm xa, nó nhắn tin bảo tui cài ứng dụng VNeID, "
    "rồi có người gọi điện nói là công an đòi tui gửi mã OTP để xác thực, tui sợ bị lừa quá, "
    "vậy có nên gửi không ad",
    "ở thôn em có mấy bác lớn tuổi muốn bán nông sản trên mạng mà không biết bắt đầu từ đâu, "
    "tổ công nghệ số cộng đồng có hỗ trợ việc này không, nếu có thì liên hệ ai ạ",
    "tôi đăng ký nhận bản tin rồi mà mấy tuần nay không thấy tin nào gửi tới, "
    "không biết có phải do tôi đổi số điện thoại không, kênh kiểm tra giùm tôi với, cảm ơn",
    "em đang làm bài thu hoạch về chuyển đổi số ở địa phương, thầy dặn phải có ví dụ thực tế, "
    "mà em đọc trên mạng thấy nhiều quá không biết chọn cái nào, "
    "kênh có câu chuyện nào hay về nông thôn không ạ",
    "mẹ tui lỡ bấm vào đường link lạ trong tin nhắn, giờ sợ bị lộ dữ liệu cá nhân, "
    "tài khoản ngân hàng thì có sao không, phải làm gì để xóa thông tin đã bị lộ vậy ad",
    "Dạ chào ad, tuần này ở xã em có tổ chức ngày hội chuyển đổi số, "
    "bà con hỏi là năm nay ngày chuyển đổi số quốc gia có chủ đề gì, em tìm chưa ra, "
    "ad cho em biết với ạ",
    "hôm qua họp tổ dân phố, "
    "trưởng khu phố nói từ năm sau làm thủ tục gì cũng phải qua dịch vụ công trực tuyến, "
    "tui già rồi không rành, vậy có được nhờ con cháu làm giùm không ad",
]


@pytest.mark.parametrize(("text", "command"), LONG_COMMANDS)
def test_a_long_message_asks_in_its_last_clauses(text: str, command: str) -> None:
    assert len(text.split()) > MAX_WORDS
    assert plain_command(text) == command


@pytest.mark.parametrize("text", LONG_QUESTIONS)
def test_a_long_question_stays_a_question(text: str) -> None:
    assert plain_command(text) is None


def test_the_last_clauses_are_whole_and_within_the_limit() -> None:
    reason = "mắt kém lắm, " * 12  # 36 words of reasons
    assert _last_clauses(reason + "thôi đừng gửi bản tin cho bà nữa nghe con") == (
        "mắt kém lắm, " * 5 + "thôi đừng gửi bản tin cho bà nữa nghe con")
    assert _last_clauses("một " * 30) == ""  # a last clause too long: no command is read
