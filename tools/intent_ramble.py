"""Rambling-shaped copies of the intent reader's training examples: personal context first, the question last.

Why (round 23, docs/qa-history/round-23-aug23.md): the reader (``bot.kb.intent_model``) learned from short
questions, while a citizen often writes a few sentences about themself before asking. Those sentences' words carry
weight in the reader's L2-normalised vector and lean towards whichever entries happened to share them, so a long
message's first entry comes out with a lower probability than the same question asked alone, and the decision
refuses an entry it found. Seeing every example once more behind everyday context teaches the reader that such words
say nothing about the entry: they spread over every label, the off-topic class included.

The sentences are training data only (never shown to anyone, never read at runtime), written for this tool: everyday
situations of farmers, workers, officials, parents and elders, in several styles (polite, plain, unmarked,
teencode, regional). None names a fact of the KB — no programme, service, figure, date or place it answers about —
so a context can never teach an entry. The copies are deterministic: one seeded generator, the examples in order.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

SEED = 23
# One copy per example with one or two context sentences before it (two for a share of them, the long messages).
TWO_SHARE = 0.5

CONTEXTS = (
    # farmers
    "Tôi năm nay ngoài năm mươi, quanh năm làm ruộng, ít khi đọc tin tức.",
    "Nhà em trồng lúa với nuôi thêm mấy con heo, mùa này đang bận gặt.",
    "Dạ em ở quê, làm vườn cà phê với chồng, con cái đi học xa hết rồi.",
    "Sáng nay đi thăm đồng về, nghỉ trưa ngồi đọc mấy tin này.",
    "Nha toi lam nghe nuoi ca, ngay nao cung ra ao tu sang som.",
    "Mấy hôm nay trời mưa suốt, không ra đồng được nên ngồi nhà đọc tin.",
    "Tôi là nông dân, học hết lớp bảy, có gì không hiểu mong kênh chỉ giúp.",
    "Vụ này nhà cháu thu hoạch được kha khá, giờ mới rảnh tay một chút.",
    "Bố em trồng rau bán ở chợ xã, em phụ bố sau giờ học.",
    "Tui làm rẫy trên đồi, tối về mới có thời gian cầm tới cái máy.",
    "Nhà mình nuôi bò sữa, sáng nào cũng dậy từ bốn giờ.",
    "Em mới về quê phụ ba má làm vườn sau mấy năm đi làm xa.",
    # workers
    "Em là công nhân may, làm ca đêm, giờ giải lao mới vào đọc được.",
    "Mình làm thợ hồ, hôm nay nghỉ vì trời mưa nên ngồi đọc tin.",
    "Tôi chạy xe ôm mấy chục năm nay, lúc chờ khách hay đọc linh tinh.",
    "Em làm ở xưởng gỗ, anh em trong xưởng hay bàn chuyện này lúc ăn trưa.",
    "Chồng tôi đi làm xa, tôi ở nhà bán tạp hóa nhỏ trước cửa.",
    "Mình mới chuyển chỗ làm, công việc mới khá bận nên ít theo dõi.",
    "e lam cong nhan khu cong nghiep, tan ca moi cam dt doc tin",
    "Tôi là thợ điện, đi làm theo công trình nên nay đây mai đó.",
    "Em làm phục vụ quán cơm, tối về mệt nhưng vẫn muốn hỏi cho rõ.",
    "Anh em tổ em vừa tăng ca xong cả tuần, giờ mới được nghỉ.",
    # officials
    "Tôi là cán bộ văn phòng ở xã, hay phải giải thích cho bà con.",
    "Em mới được phân công phụ trách mảng tuyên truyền của thôn.",
    "Tôi làm kế toán cho một hợp tác xã nhỏ đã gần mười năm.",
    "Chiều nay cơ quan em họp, sếp giao em tìm hiểu trước để báo cáo.",
    "Tôi là trưởng thôn, tuần sau phải họp dân nên muốn nắm cho chắc.",
    "Em là giáo viên tiểu học, muốn lấy ví dụ cho học sinh dễ hiểu.",
    "Mình làm ở phòng hành chính, đồng nghiệp hỏi mà mình không trả lời được.",
    "Dạ em là đoàn viên thanh niên xã, đang chuẩn bị tài liệu sinh hoạt chi đoàn.",
    "Tôi là hội viên hội nông dân, cuối tháng này hội có buổi sinh hoạt.",
    "Em mới đi làm được vài tháng, nhiều thứ còn bỡ ngỡ lắm.",
    "Cơ quan mình sắp có đợt kiểm tra, mình cần ôn lại mấy chuyện cơ bản.",
    "toi la can bo xa, hom nay nguoi dan hoi ma toi chua ro lam",
    # parents
    "Con gái tôi học lớp chín, tối qua hỏi mà tôi chịu không biết trả lời.",
    "Em có hai đứa nhỏ, một đứa học lớp một, một đứa còn đi nhà trẻ.",
    "Thằng con mình học đại học trên thành phố, về nhà hay kể chuyện này.",
    "Tôi làm mẹ đơn thân, vừa đi làm vừa chăm con nên ít thời gian tìm hiểu.",
    "Con em đang làm bài tập ở trường, cô giáo dặn hỏi thêm người lớn.",
    "Vợ chồng mình mới sinh cháu đầu lòng, nhiều việc phải lo lắm.",
    "Cuối tuần cả nhà ngồi ăn cơm thì bàn tới chuyện này, mỗi người nói một kiểu.",
    "Em là phụ huynh, hôm họp lớp các phụ huynh có nhắc tới mà em không rõ.",
    "Nhà có ba thế hệ ở chung, ông bà hỏi hoài mà con cháu cũng không chắc.",
    "Hai vợ chồng em bàn mãi chưa ra, nên nhắn hỏi kênh cho chắc.",
    "con e hoc cap 2, hom qua no hoi ma e cung ko bit",
    # elders
    "Tôi năm nay bảy mươi hai tuổi, mắt kém, chữ nhỏ đọc hơi khó.",
    "Ông đã về hưu mấy năm nay, ở nhà trông cháu cho con đi làm.",
    "Bà cụ nhà tôi tám mươi tuổi, hay nhờ tôi hỏi giùm những chuyện này.",
    "Tôi là cựu chiến binh, sinh hoạt ở chi hội, anh em trong hội hay hỏi nhau.",
    "Cháu nội cài giúp ông cái này, ông đọc được mấy tin thấy hay.",
    "Tôi già rồi, học cái mới chậm, mong kênh trả lời chậm rãi giúp.",
    "Bà ở một mình, con cái đi làm ăn xa, có gì thắc mắc chỉ biết hỏi ở đây.",
    "Tối nào ông cũng xem thời sự, hôm qua nghe nói mà chưa hiểu hết.",
    "Dạ thưa kênh, tôi là người cao tuổi, có điều muốn hỏi cho rõ.",
    # everyday, other styles
    "Chào kênh, lâu lắm rồi mới nhắn, mấy hôm nay bận quá.",
    "Mình theo dõi kênh được một thời gian, thấy tin cũng bổ ích.",
    "Hôm trước ngồi quán cà phê nghe mấy người bàn tán mà không biết ai đúng.",
    "Xin lỗi nếu câu hỏi hơi ngớ ngẩn, tôi không rành mấy chuyện này.",
    "Ad oi, minh hoi hoi dai dong chut, mong ad thong cam nha.",
    "Chiều qua đi họp tổ dân phố về, mọi người có nói qua mà mình nghe không kịp.",
    "Bữa rày bận quá trời, nay mới rảnh ngồi nhắn cho kênh nè.",
    "Mạ em hỏi em chuyện ni mà em cũng không biết răng mà trả lời.",
    "hnay rảnh nên vào hỏi tí, mng đừng cười nha",
    "Nói thật là tôi đọc nhiều nơi mỗi nơi nói một kiểu nên rối quá.",
)


def rambling(rows: Sequence[tuple[str, str]], seed: int = SEED,
             contexts: Sequence[str] = CONTEXTS) -> list[tuple[str, str]]:
    """One copy of every (text, label) in ``rows`` behind one or two context sentences, in the rows' order; the
    same seed gives the same copies (the weights file is checked byte for byte)."""
    pick = random.Random(seed)
    copies = []
    for text, label in rows:
        count = 2 if pick.random() < TWO_SHARE else 1
        lead = " ".join(pick.sample(list(contexts), count))
        copies.append((f"{lead} {text}", label))
    return copies
