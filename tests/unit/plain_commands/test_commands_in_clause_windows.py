"""Round 13 (qa13cmd): commands in plain words, and questions a command's words must not take.

Four lists of the engineer's own (not taken from an evaluation set), checked against ``plain_command`` directly (the
chat-level cases are in tests/test_qa_chat.py). Commands reached / questions taken, on main (2a1854f) → on the branch
when the list was written → at the end: list 1 (16 / 34), written before any change: 2/16, 8 taken → 16/16, 0.
List 2 (16 / 31), after the first changes: main 1/16, 5 taken; branch 15/16, 2 taken → 16/16, 0. List 3 (14 / 27):
main 5/14, 6 taken; branch 13/14, 0 → 14/14, 0. List 4 (28 / 22: every command, as the round's four writers
write): main 28/28, 2 taken; branch 28/28, 1 taken → 28/28, 0. List 5 (24 / 20), after the first commit: main
19/24, 1 taken; branch 20/24, 0 → 23/24, 0. List 6 (6 long messages asking between a greeting and the reasons / 8 long
questions): main 3/6, 0; branch 3/6, 0 → 5/6, 0. Only the cases the reader gets right are here; the held-out
evidence and what each list found are in docs/qa-history/round-13.md.
"""

from __future__ import annotations

import pytest

from bot.nlp import intents as intents_module
from bot.nlp.intents import MAX_WINDOWS, _Reading, _windows, load_intents, plain_command

COMMANDS = [
    ('ấp tui có mấy chị làm mắm bán qua mạng giỏi lắm, muốn kể cho kênh nghe', 'story'),
    ('thôn tôi có mấy cụ già học dùng điện thoại hay lắm, tôi muốn gửi câu chuyện cho kênh', 'story'),
    ('quê tui có mấy đứa nhỏ dạy ông bà xài điện thoại, muốn chia sẻ lên kênh', 'story'),
    ('chỗ em có mấy anh thanh niên lập tổ công nghệ số, em muốn kể cho kênh', 'story'),
    ('xóm chài tui có mấy ông bán cá qua mạng hay lắm, muốn kể cho kênh nghe', 'story'),
    ('phường tôi có mấy hộ bán hàng thanh toán QR hay lắm, muốn gửi bài cho kênh đăng', 'story'),
    ('bot này làm được mấy việc gì vậy', 'help'),
    ('kênh ni giúp được mấy chuyện chi rứa', 'help'),
    ('bot làm được những chuyện gì', 'help'),
    ('kênh này nè, chỉ em xài với', 'help'),
    ('cái bot ni chỉ tau xài với', 'help'),
    ('mới vô kênh, chỉ cháu cách xài với', 'help'),
    ('xóa số điện thoại của tui khỏi kênh giùm', 'erase'),
    ('kênh xóa giúp tôi số điện thoại với tên đã lưu nhé', 'erase'),
    ('tôi muốn bot xóa hết dữ liệu, cả số điện thoại tôi đã nhắn', 'erase'),
    ('xóa hết thông tin của em đã lưu, cả sđt luôn', 'erase'),
    ('ad xóa giùm tui tên với số điện thoại đã lưu trên kênh nha', 'erase'),
    ('kênh ơi xoá hết dữ liệu của cháu, cả số điện thoại cháu nhắn hôm trước', 'erase'),
    ('xoa het thong tin cua toi ke ca so dien thoai', 'erase'),
    ('bot xóa sđt với tên của mình đi nhé', 'erase'),
    ('e muốn xóa hết thông tin đã lưu của e, sdt nữa', 'erase'),
    ('làng tôi có mấy bác nông dân livestream bán bưởi hay lắm, muốn kể cho kênh nghe', 'story'),
    ('xóm em có mấy bạn trẻ dạy người già dùng dịch vụ công, em muốn gửi câu chuyện này cho kênh', 'story'),
    ('ở thôn có mấy cô bán rau qua Zalo giỏi lắm, tui muốn chia sẻ lên kênh', 'story'),
    ('chợ tui có mấy sạp trả tiền bằng QR hết rồi, muốn kể cho kênh nghe chơi', 'story'),
    ('Tổ dân phố tôi có mấy cụ hưu trí học dùng VNeID rất giỏi, tôi muốn gửi câu chuyện này cho kênh ạ', 'story'),
    ('khu trọ tui có mấy anh em công nhân lập nhóm dạy nhau xài app ngân hàng, muốn kể lên kênh', 'story'),
    ('bot ni làm được mấy việc chi rứa, chỉ tau với', 'help'),
    ('kênh này giúp được những chuyện gì vậy ad', 'help'),
    ('bot làm được mấy cái gì á', 'help'),
    ('con mới vô kênh này, chỉ con xài với', 'help'),
    ('kênh ơi chỉ bác cách sử dụng với', 'help'),
    ('Cháu chào ad, nhà cháu ở bản trên Mộc Châu. Xóm cháu có mấy chị người Mông bán chè qua '
     'mạng giỏi lắm, cháu muốn kể cho kênh nghe ạ', 'story'),
    ('ấp tui có mấy ông già xài điện thoại quét mã QR trả tiền chợ, tui muốn gửi chuyện này cho kênh', 'story'),
    ('quê em có mấy nhà làm homestay đặt phòng qua mạng, em muốn chia sẻ cho kênh', 'story'),
    ('xã tôi có mấy hợp tác xã bán nông sản trên sàn, tôi muốn đóng góp câu chuyện cho kênh', 'story'),
    ('ad ơi xóa giúp em số điện thoại với tên em đã đăng ký nhé', 'erase'),
    ('kênh đừng lưu số điện thoại của tui nữa, xóa hết đi', 'erase'),
    ('Xin kênh xoá toàn bộ thông tin cá nhân của tôi, kể cả số điện thoại', 'erase'),
    ('mình muốn xóa hết dữ liệu của mình ở kênh này, cả tên cả sđt', 'erase'),
    ('bot này làm được mấy chuyện gì, ad nói sơ cho tui nghe', 'help'),
    ('kênh ni giúp được chi cho dân, chỉ tui xài với', 'help'),
    ('mới vào kênh, không biết xài, chỉ em với', 'help'),
    ('thôi khỏi gửi bản tin cho tui nữa nghe', 'unsubscribe'),
    ('đăng ký nhận bản tin hằng tuần cho tôi với', 'subscribe'),
    ('cho bác xem bản tin tuần này', 'digest'),
    ('thoi dung gui ban tin cho tui nua nghe ad', 'unsubscribe'),
    ('Kính gửi ban quản trị, tôi đã nghỉ hưu, mắt kém, xin phép không nhận bản tin hàng tuần '
     'nữa. Trân trọng cảm ơn.', 'unsubscribe'),
    ('ad ơi ngưng gửi tin cho e nha, e đi làm ca hok có đọc', 'unsubscribe'),
    ('tàu tui đi biển cả tháng, khỏi gửi bản tin chi nữa hỉ', 'unsubscribe'),
    ('mi đừng nhắn bản tin cho o nữa nghe', 'unsubscribe'),
    ('hủy nhận bản tin giùm tui', 'unsubscribe'),
    ('ko mun nhan tin nua dau ad oi', 'unsubscribe'),
    ('cho tui đăng ký nhận bản tin mỗi tuần nghe', 'subscribe'),
    ('Tôi là cán bộ hưu trí phường Phúc Lợi, xin được đăng ký nhận bản tin chuyển đổi số hàng '
     'tuần của kênh ạ', 'subscribe'),
    ('dk nhan ban tin cho e voi ad', 'subscribe'),
    ('o muốn nhận bản tin hằng tuần, gửi cho o với nghe', 'subscribe'),
    ('có tin mới thì gửi cho tui với nghe ad', 'subscribe'),
    ('cho coi bản tin tuần ni với', 'digest'),
    ('bản tin tuần này có chi mới không ad', 'digest'),
    ('gửi e đọc bản tin mới nhất đi ad', 'digest'),
    ('Xin ban quản trị cho tôi xem bản tin tuần rồi, tuần rồi tôi đi viện nên chưa đọc được', 'digest'),
    ('xóa hết thông tin của tui trên kênh ni đi', 'erase'),
    ('Tôi đề nghị kênh xóa toàn bộ dữ liệu cá nhân của tôi đã lưu trữ, vì lý do riêng. Xin cảm ơn.', 'erase'),
    ('e mun xoa het du lieu cua e o kenh nay', 'erase'),
    ('đừng lưu thông tin của o nữa, xóa hết đi con', 'erase'),
    ('Thôn tôi có tổ công nghệ số hoạt động rất hiệu quả, tôi muốn gửi câu chuyện này để kênh đăng ạ', 'story'),
    ('tui có chuyện hay ở ghe cá muốn kể cho kênh', 'story'),
    ('muốn gửi bài viết về làng chài cho kênh đăng', 'story'),
    ('e có câu chuyện về công nhân xài VNeID muốn chia sẻ lên kênh', 'story'),
    ('kênh này dùng như thế nào vậy cháu', 'help'),
    ('hướng dẫn sử dụng', 'help'),
    ('tui mới vô, chỉ tui với', 'help'),
    ('bot này làm được những gì', 'help'),
    # lists 5 and 6
    ('Tôi xin phép được dừng nhận bản tin của kênh ạ, lý do là dạo này tôi bận chăm cháu nên không có thời'
     ' gian đọc, khi nào rảnh tôi sẽ đăng ký lại sau', 'unsubscribe'),
    ('ad oi dung gui tin nua nha e di lam ca dem ve met lam k doc dc dau', 'unsubscribe'),
    ('khỏi gởi tin cho tui nữa nghen ad', 'unsubscribe'),
    ('mi khỏi nhắn tin cho o mỗi tuần nữa hỉ', 'unsubscribe'),
    ('thôi cắt bản tin giùm tui, tàu đi biển không có sóng', 'unsubscribe'),
    ('có thể cho tôi ngưng nhận bản tin được không ạ', 'unsubscribe'),
    ('Cho tôi đăng ký nhận bản tin với ạ, tôi muốn cập nhật tình hình chuyển đổi số của tỉnh', 'subscribe'),
    ('tui mún nhận tin mỗi tuần dzậy ad đăng ký giùm tui nha', 'subscribe'),
    ('o muốn theo dõi kênh ni, có tin chi mới thì nhắn cho o với', 'subscribe'),
    ('có thể gửi bản tin hằng tuần cho tôi được không', 'subscribe'),
    ('bản tin tuần ni có chi mới không o coi với', 'digest'),
    ('cho e xin bản tin mới nhất đi ad', 'digest'),
    ('tuần này có tin gì hot không ad gửi e coi với', 'digest'),
    ('xóa tên tui ra khỏi danh sách của kênh luôn đi', 'erase'),
    ('ad ơi xoá sạch mấy tin nhắn tui đã gửi cho kênh giùm', 'erase'),
    ('Tôi đề nghị kênh không lưu giữ thông tin cá nhân của tôi nữa, xin xóa toàn bộ', 'erase'),
    ('e mún xoá hết dữ liệu đã lưu của e dzậy ad', 'erase'),
    ('Tôi có câu chuyện về mô hình chợ 4.0 ở phường, muốn gửi kênh đăng cho bà con cùng biết', 'story'),
    ('ghe tui có mấy anh bạn dùng app theo dõi thời tiết trên biển hay lắm, muốn kể cho kênh nghe', 'story'),
    ('e mún gửi câu chuyện về xưởng e cho kênh', 'story'),
    ('kênh ni để mần chi rứa, chỉ o với', 'help'),
    ('bot này có những chức năng gì vậy ad', 'help'),
    ('ad ơi tui mới vô chưa biết xài sao hết', 'help'),
    ('Kính gửi ban quản trị kênh, tôi là cán bộ hưu trí ở xã Kim Sơn, tôi xin phép dừng nhận bản tin hàng '
     'tuần, vì mắt tôi giờ kém lắm, đọc chữ nhỏ trên điện thoại không được nữa. Trân trọng cảm ơn.', 'unsubscribe'),
    ('Thưa ad, tôi năm nay đã bảy mươi tuổi, ở phường Phúc Diễn, nhờ kênh xóa giúp toàn bộ thông tin cá '
     'nhân của tôi đã lưu, vì tôi sắp chuyển vào Nam sống với con trai. Xin cảm ơn kênh nhiều.', 'erase'),
    ('Dạ chào ad, con là ngư dân ở Tam Hải, Núi Thành, con có câu chuyện về tổ đội tàu cá dùng điện thoại '
     'báo bão muốn gửi kênh đăng, tại thấy hay lắm, bà con trong xóm ai cũng khen.', 'story'),
    ('ad ơi tui làm ca đêm ở khu công nghiệp Sóng Thần, ngưng gửi bản tin giùm tui nha, tại về tới phòng '
     'trọ là ngủ liền, đọc hổng kịp đâu, với lại điện thoại tui cũ rồi mạng yếu lắm.', 'unsubscribe'),
    ('Kính chào kênh, tôi là giáo viên về hưu ở Đông Anh, xin cho tôi xem bản tin tuần này, vì tuần rồi '
     'tôi đi viện nên chưa đọc được gì, nghe mấy ông bạn nói có nhiều tin hay về chuyển đổi số.', 'digest'),
]

QUESTIONS = [
    'Bộ Thông tin và Truyền thông giờ bỏ rồi hả, nhập vô bộ nào',
    'sở thông tin truyền thông tỉnh mình bị xóa sổ rồi hả ad',
    'hồi trước tui học công nghệ thông tin, mà chuyển đổi số là gì tui không nhớ',
    'cổng thông tin điện tử của tỉnh bị gỡ bỏ rồi hả ad',
    'Bộ Thông tin bỏ quy định nào về tên miền vậy',
    'em quên mất Bộ Thông tin ban hành kế hoạch số mấy, nhắc em với',
    'tôi không nhớ thông tin về Ngày chuyển đổi số năm 2022, ad nhắc lại giùm',
    'tui hổng nhớ thông tin đó lắm, đề án 06 là gì',
    'em không nhớ thông tin tổ công nghệ số ở phường, hỏi ai',
    'cháu không nhớ rõ thông tin năm nào có chủ đề dữ liệu số',
    'Bộ Thông tin và Truyền thông dừng hoạt động từ ngày nào',
    'trang thông tin điện tử của xã bị xóa hết bài rồi, hỏi ai',
    'an toàn thông tin là gì mà người ta cứ nhắc hoài, bỏ qua được không',
    'kênh có mấy người kể chuyện rồi vậy',
    'câu chuyện gửi lên kênh có mấy bước duyệt',
    'muốn kể chuyện cho kênh thì có mấy cách',
    'bot có mấy câu chuyện về thôn bản rồi ad',
    'tui muốn kể cho kênh mà kênh có mấy chuyên mục',
    'có mấy người gửi câu chuyện cho kênh rồi',
    'chuyển đổi số làm được mấy chuyện gì cho nông dân',
    'app VNeID chỉ tui xài với',
    'cổng dịch vụ công chỉ em xài với, kênh ơi',
    'tổ công nghệ số làm được những chuyện gì',
    'ví điện tử làm được mấy việc gì',
    'kênh có bài nào chỉ tui xài chữ ký số không',
    'xóa dữ liệu trên điện thoại có mất VNeID không',
    'làm sao xóa số điện thoại cũ khỏi tài khoản dịch vụ công',
    'điện thoại bị mất thì xóa dữ liệu từ xa được không',
    'đổi số điện thoại rồi muốn xóa thông tin cũ trên ngân hàng',
    'xóa số điện thoại trong danh bạ bị nhầm, lấy lại sao',
    'bán điện thoại cũ thì xóa dữ liệu thế nào cho an toàn',
    'xóa thông tin cá nhân trên điện thoại trước khi bán như nào',
    'thay điện thoại mới, dữ liệu cũ xóa sao',
    'muốn xóa thông tin số điện thoại cũ trong tài khoản ngân hàng',
    'Bộ Thông tin gỡ bỏ bao nhiêu trang web giả năm ngoái',
    'Sở Thông tin tỉnh bị bỏ, sáp nhập vô sở nào rồi',
    'Bộ Thông tin và Truyền thông hủy bỏ quyết định nào về bản tin thời sự',
    'ngành công nghệ thông tin xóa được khoảng cách số chưa ad',
    'cổng thông tin của xã ngưng cập nhật rồi hả',
    'bo thong tin va truyen thong bi bo roi a, sap nhap vao dau',
    'Bộ Thông tin hồi đó ra quyết định gì mà giờ tui quên mất, nhớ mang máng là 749',
    'hồi đó ai ký quyết định 749 tui không nhớ thông tin nữa',
    'tui hổng nhớ dữ liệu dân cư do ai quản lý',
    'anh không nhớ thông tin tổ công nghệ số thành lập năm nào',
    'lâu quá mình không nhớ gì về đề án 06, nhắc lại giúp',
    'tin nhắn của tôi với kênh bị xóa hết rồi, sao vậy',
    'thông tin cá nhân bị gỡ khỏi app có sao không',
    'tài khoản VNeID bị hủy thì thông tin còn không',
    'dữ liệu của tôi bị xóa mất rồi lấy lại được không',
    'làm sao xóa số điện thoại khỏi tài khoản Zalo',
    'muốn xóa số điện thoại cũ khỏi danh bạ điện thoại thì làm sao',
    'đổi số điện thoại thì dữ liệu ngân hàng có bị xóa không',
    'xoá thông tin số điện thoại trên cổng dịch vụ công thế nào',
    'số điện thoại bị lộ, xóa thông tin trên mạng được không',
    'kênh có mấy người gửi câu chuyện rồi ad',
    'bot có mấy chuyện hay về nông thôn, kể cho tui nghe với',
    'gửi câu chuyện cho kênh thì có mấy bước',
    'muốn kể cho kênh thì có mấy cách gửi',
    'tui có mấy câu hỏi về VNeID muốn kể cho kênh nghe',
    'có mấy người đã chia sẻ chuyện lên kênh rồi vậy',
    'VNeID làm được mấy việc gì cho người dân',
    'chuyển đổi số giúp được mấy chuyện gì cho ngư dân',
    'cổng dịch vụ công làm được những chuyện gì',
    'kênh có hướng dẫn chỉ tui xài ví điện tử không',
    'tổ công nghệ số chỉ bà con xài điện thoại, kênh biết không',
    'Bộ Thông tin và Truyền thông bỏ năm nào, ai ký quyết định',
    'Bộ Thông tin xóa bao nhiêu tài khoản lừa đảo trên mạng',
    'sở thông tin và truyền thông giờ bỏ rồi thì ai lo chuyển đổi số tỉnh',
    'công nghệ thông tin với chuyển đổi số khác nhau chỗ nào, bỏ qua cái nào được',
    'hệ thống thông tin giải quyết thủ tục hành chính bị gỡ bỏ chưa',
    'bộ TT&TT gỡ bỏ bao nhiêu app giả mạo',
    'trang thông tin điện tử xã tui ngưng đăng tin rồi hả',
    'Bộ Thông tin ngưng cấp phép mạng xã hội nào năm 2024',
    'tui không nhớ thông tin mật khẩu VNeID, lấy lại sao',
    'cô không nhớ thông tin về chương trình chuyển đổi số quốc gia, ký năm nào',
    'em không nhớ dữ liệu dân cư là bộ nào quản lý',
    'bác không nhớ gì về ngày chuyển đổi số năm ngoái, chủ đề là gì',
    'sao tin nhắn của tui với kênh bị xóa hết vậy',
    'tài khoản dịch vụ công bị khóa, thông tin có bị xóa không',
    'số điện thoại cũ đã bị nhà mạng thu hồi, xóa thông tin sao',
    'xóa số điện thoại đăng ký VNeID cũ được không',
    'muốn xóa thông tin số điện thoại khỏi trang web lừa đảo',
    'điện thoại cũ bán rồi, dữ liệu trong đó xóa từ xa được không',
    'kênh có mấy chuyên mục để gửi câu chuyện',
    'bot có mấy người duyệt bài kể chuyện vậy',
    'có mấy câu chuyện về Lý Sơn trên kênh rồi',
    'tui có mấy thắc mắc về chuyển đổi số, muốn hỏi kênh',
    'xóm tui có mấy người chưa có VNeID, phải làm sao',
    'ứng dụng VNeID làm được mấy chuyện gì',
    'tổ công nghệ số giúp được mấy việc gì cho dân',
    'chữ ký số làm được những chuyện gì, chỉ tui xài với',
    'cổng dịch vụ công quốc gia giúp được mấy chuyện chi',
    'Bộ Thông tin và Truyền thông năm 2025 sáp nhập với bộ nào, ai ký',
    'Bộ Thông tin bỏ hay còn',
    'sở thông tin xóa tên khỏi danh sách cơ quan từ khi nào',
    'tôi không nhớ thông tin chủ đề ngày chuyển đổi số 2023',
    'ngày chuyển đổi số năm nay có gửi thông báo cho dân không',
    'bản tin thời sự tối qua nói gì về 5G',
    'đăng ký tài khoản VNeID mức 2 cần gì',
    'hủy đăng ký tạm trú online sao',
    'xóa tài khoản VNeID được không',
    'có mấy cách đăng ký nhận bản tin',
    'làm sao để ngưng nhận bản tin',
    'kênh lưu thông tin của tôi bao lâu',
    'gửi câu chuyện cho kênh có được đăng liền không',
    'chuyển đổi số là gì, chỉ tui với',
    'đề án 06 làm được những gì cho dân',
    'tui quên mật khẩu dịch vụ công, nhớ hoài không ra, xóa tài khoản làm lại được không',
    'ghe tui có mấy người chưa có căn cước gắn chip, muốn làm thì đi đâu',
    'xóm tui có mấy bà già chưa biết xài VNeID, kể cho kênh nghe coi có ai tới chỉ không',
    'tin nhắn báo phạt nguội gửi tới điện thoại tui có phải lừa đảo',
    'tôi không muốn nhận tin nhắn quảng cáo nữa thì làm thế nào',
    'Bộ Thông tin và Truyền thông có còn gửi tin nhắn cảnh báo lừa đảo không',
    'bỏ cấp huyện thì thông tin hộ khẩu có phải làm lại không',
    # lists 5 and 6
    'Bộ Thông tin và Truyền thông với Bộ Khoa học sáp nhập thì cái tên cũ bỏ luôn hả',
    'Sở Thông tin và Truyền thông tỉnh Quảng Nam giờ nhập vào đâu, ngưng hoạt động chưa',
    'công nghệ thông tin thì bỏ nghề được không, chuyển đổi số có cần không',
    'tui không nhớ mật khẩu VNeID với thông tin đăng nhập',
    'ghe tui có mấy người chưa làm căn cước, đi biển hoài thì làm sao',
    'có mấy bản tin trong một tháng vậy ad',
    'bản tin gửi mấy giờ vậy ad',
    'đăng ký tàu cá trên app có cần không',
    'ngưng đánh bắt thì có được hỗ trợ không',
    'bão về thì có nhận được tin nhắn cảnh báo không',
    'xóa tài khoản Zalo thì dữ liệu có mất không',
    'hủy đăng ký thường trú thì làm sao',
    'kể tên các dịch vụ công trực tuyến cho ngư dân',
    'tui có chuyện muốn hỏi về định danh điện tử',
    'chỉ tui cách đăng ký tài khoản định danh mức 2 với',
    'bot có biết thông tin bão số 5 không',
    'cho tôi hỏi thôi không dùng VNeID nữa thì có sao không',
    'không muốn nhận tin nhắn rác từ số lạ thì chặn sao',
    'tổ công nghệ số có giúp xóa tài khoản mạng xã hội không',
    'đề án 06 có bỏ sổ hộ khẩu không',
    ('Kính gửi kênh, tôi là hưu trí ở Gia Lâm, hồi trước tôi có đăng ký nhận bản tin, nay muốn hỏi Bộ '
     'Thông tin và Truyền thông năm 2025 đã hợp nhất với bộ nào và ai ký quyết định ấy ạ'),
    ('Chào ad, em là công nhân ở Dĩ An, em nghe tổ trưởng nói đừng gửi mã OTP cho ai, mà giờ ngân hàng '
     'nhắn tin đòi mã hoài, vậy em phải làm sao cho khỏi bị lừa đảo'),
    ('tui ở xóm chài Mỹ Khê, xóm tui có mấy người muốn kể chuyện lên kênh lắm mà không biết kênh có duyệt '
     'bài không, với lại gửi thì mất bao lâu mới đăng được, ad nói giùm'),
    ('Thưa kênh, tôi là cựu chiến binh ở Phong Điền, tôi đã xóa hết dữ liệu trên điện thoại cũ rồi, giờ '
     'mua điện thoại mới thì cài VNeID lại như thế nào, có phải ra công an xã không'),
    ('Dạ thưa ad, cháu là sinh viên ở Huế, cháu muốn hỏi năm 2022 chủ đề ngày chuyển đổi số là gì, vì cháu'
     ' đang làm bài thu hoạch, thầy giáo bảo phải nêu đủ các năm ạ'),
    ('em chào ad, em làm công nhân ở Biên Hòa, em có đăng ký tài khoản định danh mức 2 rồi, giờ muốn hủy '
     'đăng ký thường trú ở quê để nhập khẩu vô đây thì làm sao ad'),
    ('Kính gửi kênh, tôi là trưởng thôn ở Sóc Sơn, thôn tôi có mấy hộ vẫn chưa có căn cước gắn chip, tôi '
     'muốn biết tổ công nghệ số thôn có được giao nhiệm vụ hướng dẫn bà con không'),
    ('ad ơi tui ở Hội An, bữa trước nghe nói kênh gửi bản tin mỗi tuần, mà tui thôi không đọc báo giấy lâu'
     ' rồi, giờ muốn hỏi chuyển đổi số là gì nói dễ hiểu giùm tui'),
]


@pytest.mark.parametrize(("text", "command"), COMMANDS)
def test_own_plain_words_reach_the_command(text: str, command: str) -> None:
    assert plain_command(text) == command


@pytest.mark.parametrize("text", QUESTIONS)
def test_questions_with_a_commands_words_stay_questions(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.parametrize("text", ["kênh có mấy người kể chuyện rồi vậy", "có mấy người gửi câu chuyện cho kênh rồi",
                                  "bot có mấy câu chuyện về thôn bản rồi ad"])
def test_how_many_asked_of_the_channel_is_still_a_question(text: str) -> None:
    """The story's spare is "có mấy" said of the citizen's own people; said of the channel it still asks."""
    assert plain_command(text) is None


def test_an_indefinite_is_spared_only_where_it_is_said() -> None:
    story = next(c for c in load_intents().commands if c.name == "story")
    from bot.nlp.intents import _Reading

    told = _Reading.of("xóm tui có mấy ông bán cá hay lắm, muốn kể cho kênh nghe")
    folded, words = story.spared(told.folded, told.message)
    assert " co may " not in folded and " xom " in folded and len(words) == len(told.message)
    asked = _Reading.of("kênh có mấy người kể chuyện rồi vậy")
    assert story.spared(asked.folded, asked.message) == (asked.folded, asked.message)  # nothing spared: the same
    assert story.excluded(asked.folded, asked.message)


@pytest.mark.parametrize("text", ["xoa bo thong tin cua toi di", "xóa bỏ thông tin của tôi đi",
                                  "Hãy xoá toàn bộ thông tin cá nhân của mình trên bot này",
                                  "xoa toan bo thong tin ca nhan cua toi"])
def test_all_the_information_is_not_the_ministry(text: str) -> None:
    """"Bộ Thông tin" is erase's exclusion; "toàn bộ thông tin", "xóa bỏ thông tin" (unmarked) are spared."""
    assert plain_command(text) == "erase"


@pytest.mark.parametrize("text", ["em nghe loáng thoáng mà không nhớ thông tin", "tui không nhớ thông tin đó",
                                  "Bộ Thông tin công bố bao nhiêu bài toán chuyển đổi số, em không nhớ"])
def test_the_citizens_own_memory_erases_nothing(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.parametrize("text", ["để bot không nhớ gì về tui nữa", "kênh đừng nhớ thông tin của tôi nữa nha"])
def test_not_to_be_remembered_said_with_its_object_still_erases(text: str) -> None:
    assert plain_command(text) == "erase"


def test_a_polite_letter_is_read_in_the_clauses_between_greeting_and_reasons() -> None:
    letter = ("Kính gửi ban quản trị kênh, tôi là cán bộ hưu trí ở xã Kim Sơn, tôi xin phép dừng nhận bản tin hàng "
              "tuần, vì mắt tôi giờ kém lắm, đọc chữ nhỏ trên điện thoại không được nữa. Trân trọng cảm ơn.")
    runs = list(_windows(letter))
    assert runs[0][1].startswith("Kính gửi") and any(r.startswith("tôi xin phép dừng") for _, r in runs)
    # a run that reaches the end is the last clauses' business
    assert all(not letter.endswith(r) for _, r in runs)
    assert plain_command(letter) == "unsubscribe"


def test_a_run_followed_by_a_question_is_not_read() -> None:
    """The same letter ending in a question mark: the request read in the middle could be undone by what is asked."""
    letter = ("Kính gửi kênh, tôi là hưu trí ở Gia Lâm, tôi xin phép dừng nhận bản tin hàng tuần, vì mắt kém, đọc chữ "
              "nhỏ không được, giờ đọc báo giấy thôi, con cháu nó đọc cho nghe cũng được")
    assert plain_command(letter + ".") == "unsubscribe"
    assert plain_command(letter + " ạ?") is None


@pytest.mark.parametrize(("text", "command"), [
    ("Tạm thời cho em ngưng nhận bản tin nhé, khi nào cần em đăng ký lại", "unsubscribe"),
    ("khi nào rảnh thì hủy bản tin được không", None),
    ("khi nào cần ngưng nhận bản tin", None),
])
def test_a_when_of_the_citizens_future_is_not_a_question(text: str, command: str | None) -> None:
    """Round 11 left "khi nào cần em đăng ký lại" (a condition) read as the question word; the citizen as subject
    after it makes it a condition. Without one it still asks."""
    assert plain_command(text) == command


# Review fixes (review 13: M4, P2, L1)

_STORY = ("Kính gửi quý kênh, tôi là cán bộ hưu trí ở Gia Lâm, năm nay đã bảy mươi tuổi, sức khỏe còn tốt, hôm qua "
          "thằng cháu lỡ tay xóa hết thông tin của tôi trong máy, "
          "tôi rất buồn vì mất nhiều ảnh kỷ niệm quý giá của gia đình.")


_LETTER = ("Kính gửi quý kênh, tôi là cán bộ hưu trí ở Gia Lâm, năm nay đã bảy mươi tuổi, sức khỏe còn tốt, nhờ kênh "
           "xóa hết thông tin của tôi giùm, vì tôi già rồi, con cháu đi làm xa cả, không ai chỉ cho. "
           "Trân trọng cảm ơn.")


@pytest.mark.parametrize("text", [
    _STORY,
    _LETTER.replace("nhờ kênh xóa hết thông tin của tôi giùm", "hôm qua thằng cháu lỡ tay xóa hết thông tin của tôi"),
])
def test_a_deletion_told_in_the_middle_of_a_letter_erases_nothing(text: str) -> None:
    """M4: the middle run "hôm qua thằng cháu lỡ tay xóa hết thông tin của tôi trong máy" tells, it does not ask."""
    assert plain_command(text) is None


def test_a_request_said_to_the_channel_in_the_middle_is_still_read() -> None:
    assert plain_command(_LETTER) == "erase"


def test_a_question_in_a_run_is_never_read_as_a_command() -> None:
    """No run that holds or precedes a question mark is read: the request could be what is asked."""
    letter = ("Kính gửi kênh, tôi là hưu trí ở Gia Lâm, dừng nhận bản tin hàng tuần thì làm sao ạ? tôi đọc chữ nhỏ "
              "không được, mắt kém, con cháu nó đọc cho nghe cũng được, giờ đọc báo giấy thôi, cảm ơn kênh nhiều nhé.")
    assert all(i > 2 for i, _ in _windows(letter))
    assert plain_command(letter) is None


@pytest.mark.parametrize("unit", [", ", "ừ, ", "tôi là hưu trí ở Gia Lâm, "])
def test_the_middle_runs_are_read_in_bounded_work(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """P2: the runs read in a long message are at most ``MAX_WINDOWS``, each within ``MAX_WORDS``, however long the
    message: the work counted (runs read, characters joined) does not grow with it."""
    calls: list[str] = []
    read = intents_module._read

    def counting(text: str, *args: object, **kwargs: object) -> str | None:
        calls.append(text)
        return read(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(intents_module, "_read", counting)
    work = []
    for n in (200, 400, 800):
        calls.clear()
        assert plain_command(unit * n + "xin cảm ơn.") is None
        assert len(calls) <= MAX_WINDOWS + 1  # the last clauses, then the runs
        work.append(sum(len(c) for c in calls))
        assert len(list(_windows(unit * n))) <= MAX_WINDOWS
    assert work[0] == work[1] == work[2]


def test_sparing_keeps_the_sentence_breaks() -> None:
    """L1: a spared phrase ("số điện thoại") once rebuilt the message without its sentence ends, so erase's unless
    "bị hủy" was found across the full stop of "… đừng để bị. Hủy luôn nha"."""
    text = "Xóa hết thông tin của tôi, số điện thoại nữa, đừng để bị. Hủy luôn nha"
    erase = next(c for c in load_intents().commands if c.name == "erase")
    r = _Reading.of(text)
    folded, _ = erase.spared(r.folded, r.message)
    assert folded.count("|") - r.folded.count("|") == 3 and " bi | huy " in folded
    assert not erase.excluded(r.folded, r.message)
    assert plain_command(text) == "erase"
    assert plain_command("Xóa hết thông tin của tôi, số điện thoại nữa, đừng để bị hủy nha") is None
