"""Abbreviation and teencode tables (data, not user-facing text).

Keys are *folded* tokens (ASCII, lowercase) that are never valid Vietnamese syllables, so a real word is
never rewritten (``hong`` = hồng, ``bit`` = bít are deliberately absent). Values are written with full
diacritics so that expanded tokens also carry tone keys. A value with ``|`` lists alternative readings of an
ambiguous abbreviation: the knowledge-base analyzer keeps them all (the wrong reading costs little under
BM25 because it is a common word with a low IDF), while :func:`command_form` takes the command reading.

Grow these tables from the unanswered-question log (``dxbot kb unanswered``) rather than from guesses.
"""

from __future__ import annotations

# Everyday chat shorthand (Vietnamese social-media teencode).
COMMON: dict[str, str] = {
    "k": "không", "ko": "không", "kh": "không", "khg": "không", "kg": "không", "hk": "không",
    "hok": "không", "hog": "không",  # round 10: "… lay van tay hog" (Southern "hông", typed with a g)
    "dc": "được", "dk": "được|đăng ký", "dduoc": "được",
    "j": "gì", "ji": "gì", "gj": "gì",
    "ntn": "như thế nào", "nthe": "như thế",
    "bn": "bao nhiêu|bạn", "bnhieu": "bao nhiêu",
    "mik": "mình", "mh": "mình", "mk": "mật khẩu|mình",
    "ng": "người", "ngta": "người ta",
    "r": "rồi", "vs": "với", "trc": "trước", "lm": "làm", "bik": "biết",
    "cx": "cũng", "cg": "cũng", "z": "vậy", "v": "vậy", "wa": "quá", "ak": "à", "ah": "à",
    "sdt": "số điện thoại", "dt": "điện thoại|điện tử", "dth": "điện thoại", "tk": "tài khoản",
    "ck": "chuyển khoản", "app": "ứng dụng", "ad": "admin",
    "tt": "thông tin|thủ tục|thanh toán", "ttin": "thông tin", "hdan": "hướng dẫn", "hd": "hướng dẫn",
    "dki": "đăng ký", "dky": "đăng ký", "dangky": "đăng ký",
    "nx": "nữa", "ns": "nói", "nt": "nhắn tin", "ib": "nhắn tin", "sr": "xin lỗi", "tks": "cảm ơn", "thks": "cảm ơn",
    "thanks": "cảm ơn", "thank": "cảm ơn", "cmon": "cảm ơn",
    "mn": "mọi người", "mng": "mọi người", "h": "giờ", "bh": "bây giờ", "nv": "nhiệm vụ", "kte": "kinh tế",
    "dn": "đăng nhập|doanh nghiệp", "cn": "công nghệ", "cd": "cộng đồng", "tp": "thành phố", "dtdd": "điện thoại",
    # session 5: more everyday shorthand (the blind dev4 set's teencode: "cty nào lm cổng dvc")
    "cty": "công ty", "tl": "trả lời", "ms": "mới", "vd": "ví dụ", "kq": "kết quả", "tgian": "thời gian",
    "cb": "cán bộ", "cbcc": "cán bộ công chức", "sv": "sinh viên", "gv": "giáo viên",
    "kbiet": "không biết", "nchung": "nói chung", "nhma": "nhưng mà", "nhg": "nhưng", "bgio": "bây giờ",
    "bjo": "bây giờ", "ntnao": "như thế nào", "lquan": "liên quan", "ktra": "kiểm tra", "tgia": "tham gia",
    "qly": "quản lý", "ql": "quản lý", "sdung": "sử dụng", "sd": "sử dụng", "dvu": "dịch vụ",
    "dv": "dịch vụ|đơn vị", "hthong": "hệ thống", "stk": "số tài khoản", "nc": "nước",
    "ctr": "chương trình", "ctrinh": "chương trình", "chtrinh": "chương trình",
    # round 12 (qa12mixed): forms the blind writers typed that the table lacked, each attested in a public
    # normalisation resource (not guessed): ViLexNorm, the Vietnamese social-media normalisation corpus of Nguyen et
    # al., EACL 2024 (github.com/ngxtnhi/ViLexNorm, dev.csv: "hnao"/"hum nèo" → "hôm nào",
    # "ae" → "anh em", "ktx" → "ký túc xá", "bthuong"/"bthg" → "bình thường", "ngta đâu bt" → "biết"), and the
    # teencode table of github.com/duytran-vio/correct_teencode (short_word.json: "cug" → "cũng", "hqua"/"hqa" →
    # "hôm qua", "hnao", "bth", "fai" → "phải", "bt" → "bình thường"); "hnay" → "hôm nay" beside "hqua" in
    # independent normalisation tables of public code (code search). Not "cux" (ViLexNorm's "cũng"): it is also
    # Telex "cũ" typed with the input method off.
    "cug": "cũng", "hnay": "hôm nay", "hqua": "hôm qua", "hqa": "hôm qua", "hnao": "hôm nào",
    "ae": "anh em", "ktx": "ký túc xá", "bth": "bình thường", "bthg": "bình thường", "bthuong": "bình thường",
    "fai": "phải", "bt": "biết|bình thường",
    # round 23 (mixed23): forms of the same teencode table (github.com/duytran-vio/correct_teencode, short_word.json)
    # that the blind writers' mixed messages typed and the table lacked ("nhap oy", "lop t", "tra qá"): none is a
    # syllable. Not its "b" (bạn: "phương án b"), "ks" (khách sạn), "tv" (tư vấn there, "ti vi" in these messages),
    # "trg" (trong there, "trưởng" here), "thg" (thường there, "tháng" here), "uk" (the United Kingdom).
    "oy": "rồi", "roy": "rồi", "thoy": "thôi", "tkoy": "thôi", "t": "tôi", "bk": "biết", "pik": "biết",
    "pk": "phải không", "uh": "ừ", "uhm": "ừ", "ukm": "ừ", "dj": "đi", "bnhiu": "bao nhiêu", "bnh": "bao nhiêu",
    "baonh": "bao nhiêu", "bnhju": "bao nhiêu", "trk": "trước", "hq": "hôm qua", "vx": "vẫn", "ln": "luôn",
    "kb": "không biết", "k0": "không", "jo": "giờ", "bjio": "bây giờ", "dzo": "vào", "zay": "vậy",
    "zij": "vậy", "zik": "vậy", "zk": "vậy", "zoi": "với", "vz": "với", "ws": "với",
    # round 28 (mixed28): the same table's "mình" with its final "nh" typed "h" ("mih", "mjh"); typed with its mark
    # ("mìh") it is read by bot.nlp.normalize's letter chat spelling leaves out
    "mih": "mình", "mjh": "mình",
    # round 34 (mixed34): "lmj" (làm gì: "lập ra để lmj z"), the "j" of "gì" glued to "lm" as in "lm j"; a public
    # chatbot's replacement table (code search: "lmj" → "làm gì"). "tg" is "thế giới" as well as "thời gian":
    # every one of the seven tuned messages that type it asks a world ranking ("xếp thứ mấy tg", "top mấy tg"), and
    # a news site's category table abbreviates "Thế giới" so (code search); kept both ways, as "dt" is.
    "lmj": "làm gì", "tg": "thời gian|thế giới",
}

# Domain abbreviations of the digital-transformation channel.
DOMAIN: dict[str, str] = {
    "cds": "chuyển đổi số", "dx": "chuyển đổi số", "cdsqg": "chuyển đổi số quốc gia",
    "qg": "quốc gia", "dvc": "dịch vụ công", "dvcqg": "dịch vụ công quốc gia",
    "dvctt": "dịch vụ công trực tuyến", "dvcql": "dịch vụ công",
    "cccd": "căn cước công dân", "cmnd": "chứng minh nhân dân", "cmt": "chứng minh thư",
    "tthc": "thủ tục hành chính", "ubnd": "ủy ban nhân dân", "hdnd": "hội đồng nhân dân",
    "cntt": "công nghệ thông tin", "tttt": "thông tin và truyền thông", "btttt": "bộ thông tin và truyền thông",
    "khcn": "khoa học công nghệ", "bkhcn": "bộ khoa học và công nghệ",
    "cps": "chính phủ số", "kts": "kinh tế số", "xhs": "xã hội số", "cpdt": "chính phủ điện tử",
    "bhyt": "bảo hiểm y tế", "bhxh": "bảo hiểm xã hội", "gplx": "giấy phép lái xe",
    "qd": "quyết định", "nd": "nghị định", "ttg": "thủ tướng", "tw": "trung ương", "cp": "chính phủ",
    "nq": "nghị quyết", "csdl": "cơ sở dữ liệu", "csdlqg": "cơ sở dữ liệu quốc gia",
    "ddt": "định danh điện tử", "dddt": "định danh điện tử", "dinhdanh": "định danh",
    "tcns": "tổ công nghệ số", "tcnscd": "tổ công nghệ số cộng đồng", "tcn": "tổ công nghệ",
    "ttdt": "thanh toán điện tử", "tmdt": "thương mại điện tử", "ttkdtm": "thanh toán không dùng tiền mặt",
    "atttt": "an toàn thông tin", "attt": "an toàn thông tin",
    "hcc": "hành chính công", "bpmc": "bộ phận một cửa", "smartphone": "điện thoại thông minh",
    "online": "trực tuyến", "onl": "trực tuyến",
    # round 3 (blind dev sets' teencode): "tổ cns", "VN", "sl"; not "ct": it is Cần Thơ's alias in provinces.toml
    "cns": "công nghệ số", "ctcds": "chương trình chuyển đổi số", "vn": "việt nam", "sl": "số lượng", "hs": "hồ sơ",
    "cv": "công văn|công việc", "cq": "cơ quan", "kt": "kinh tế|kiểm tra",
    # round 10 (mixed style): the ministry with its "và" typed as a letter ("bo ttvtt"), the digital economy glued
    "ttvtt": "thông tin và truyền thông", "ktso": "kinh tế số",
    # round 34 (mixed34): "qgia" (quốc gia: "cổng dvc qgia", "cđs qgia", eleven tuned messages), a two-syllable word
    # with its first syllable cut to its initial, the shape of this table's "ttin", "tgian", "ktra", "bgio" and of
    # correct_teencode's "bdien", "dchi", "ckhoan", "vchuyen" (short_word.json); a public form labels "Qgia" "Quốc
    # Gia" (code search). "dđ" (di động: "mạng dđ"), the "đ" of "động" typed as the initialism's second letter, as
    # correct_teencode's "hđ" (hoạt động) and this table's "dtdd" (điện thoại di động); "dd" is no syllable, and
    # read here it is no Telex "đ" either (a lone "đ" is no word).
    "qgia": "quốc gia", "dd": "di động",
    # Standard initialisms the writers' mixed and teencode messages type (seven tuned messages "xh": "kte so, xh
    # so"), each so expanded in independent public abbreviation tables of Vietnamese text normalisers (code search:
    # "xh" → "xã hội", "vb" → "văn bản", "lđ" → "lao động", several tables each): "năng suất lđ", "nằm trong vb
    # nào". Not "LHQ" (liên hợp quốc, as typed in sixteen tuned messages): read, it pulls the 2024 ranking's entry
    # beside a 2030 target's ("… top mấy chính phủ điện tử của LHQ", dev10a w1-0070 turned "Ý bạn là"), a ranking
    # matter; unread it costs those messages nothing.
    "xh": "xã hội", "vb": "văn bản", "ld": "lao động",
}

# Readings that win in chat commands (``dk`` is "đăng ký" there, never "được").
COMMAND: dict[str, str] = {
    "dk": "đăng ký", "dki": "đăng ký", "dky": "đăng ký", "dl": "dữ liệu", "tgiup": "trợ giúp",
    "hdsd": "hướng dẫn", "help": "trợ giúp",
}

# Teencode whose reading depends on its neighbour, matched as phrases before the tables above (by
# bot.nlp.dialect.standardize): "ct" alone is Cần Thơ (content/provinces.toml), before "cđs" a programme;
# "bn" after a verb of quantity is "bao nhiêu", not "bạn".
CHAT_PHRASES: dict[str, str] = {
    "ct cđs": "chương trình chuyển đổi số", "ct cds": "chương trình chuyển đổi số",
    "ct chuyển đổi số": "chương trình chuyển đổi số", "ct dx": "chương trình chuyển đổi số",
    "nhà nc": "nhà nước", "kt số": "kinh tế số", "kt so": "kinh tế số",
    "ns thật": "nói thật", "ns thiệt": "nói thật",  # "to be honest" framing (bot.kb.lexicon scaffolding)
    **{f"{verb} bn": f"{verb} bao nhiêu" for verb in ("có", "chiếm", "top", "đạt", "là", "được", "phủ", "tăng")},
    # round 10 (mixed style): "được" typed as teencode too ("ktso 2030 dc bn % gdp"), and "bn" before what is
    # counted ("bn %", "bn tiền", "bn tỉnh"): kept both ways, "bạn" diluted the question ("… truc tyuen bn % rua")
    "dc bn": "được bao nhiêu", "đc bn": "được bao nhiêu",
    "bn %": "bao nhiêu phần trăm",  # folded, "%" would be lost
    **{f"bn {unit}": f"bao nhiêu {unit}" for unit in (
        "phần trăm", "tiền", "người", "tỉnh", "tổ", "năm", "lần", "xã", "tài khoản", "hồ sơ", "dịch vụ", "bộ",
        "ngày", "tháng", "triệu", "tỷ", "nghìn", "ngàn")},
    # round 10: "mk" before what a person does is "mình" ("mk cần gấp", "mk muốn hỏi"), not "mật khẩu"
    **{f"mk {verb}": f"mình {verb}" for verb in ("cần", "muốn", "đang", "hỏi", "định", "xin", "thấy", "nghe",
                                                  "chưa", "cũng", "mới", "vừa", "phải", "làm", "đọc")},
}
# Round 12 (qa12mixed): teencode that is a syllable of its own, so never in the tables above (a real word is never
# rewritten there): read by bot.nlp.dialect like a regional word, only as typed here — "bít", "mún", "nhìu" with
# their marks (unmarked "bit", "mun", "nhiu" are "bít", "mụn", "nhíu" too), "khum" as typed (a level-tone word, "to
# arch", nobody asks this channel about). Sources: shared/vietnamese-text.md §5 ("khum" → không, "bít" → biết);
# ViLexNorm dev.csv ("khum" → "không", "mún" → "muốn", "nhìu" → "nhiều"); correct_teencode short_word.json ("mún",
# "nhìu"). "hum nay" is ViLexNorm's "hum" (hôm) and teencode.net's example message ("hum nay").
# "nma" (ViLexNorm: "nhưng mà") is read here, only as typed without marks: a phone slip of "năm" types "nmă" (the
# noise harness of round 11: "Ngày Chuyển đổi số nmă 2022"), which the abbreviation tables, reading folds, took for it.
CHAT_SYLLABLES: dict[str, str] = {"bít": "biết", "mún": "muốn", "nhìu": "nhiều", "khum": "không", "nma": "nhưng mà",
                                  "hum nay": "hôm nay", "hum qua": "hôm qua", "hum nào": "hôm nào",
                                  "bít tất": "bít tất",  # socks, kept whole
                                  # round 28 (mixed28): the same table's "lun" (luôn: unmarked "lun" is also "lùn",
                                  # "lún", not words anyone asks this channel about), "rùi" (rồi), "chiện" (chuyện)
                                  "lun": "luôn", "rùi": "rồi", "chiện": "chuyện",
                                  # round 32 (mixed32): "rep" (reply: "chatbot tự rep", "ad rep giúp e") is
                                  # "trả lời" in independent public teencode tables (code search: five normalisation
                                  # dictionaries of Vietnamese chat, each "rep" → "trả lời" beside "tl", "ib"); as
                                  # typed without marks only ("rệp", a bedbug, keeps its mark). "a/c", "a/e" (a
                                  # greeting of several: "a/c ơi") are "anh chị", "anh em" in the same kind of
                                  # table ("a/c" → "anh chị"); the analyser split them into "a" and a stray "c".
                                  "rep": "trả lời", "a/c": "anh chị", "a/e": "anh em"}
# Unmarked "bit", and "bt", next to a negation or the question it makes are "biết" ("ko bit", "hong bit", "chưa bt",
# "bit ko"): the §5 form typed without its mark, and ViLexNorm's "bt" → "biết".
_NOT_YET = {"không": "không", "ko": "không", "k": "không", "kh": "không", "hk": "không", "hok": "không",
            "hông": "không", "hổng": "không", "khum": "không", "chưa": "chưa"}
# Round 23 (mixed23): "pít", "pit" too, the same table's "biết" with a "p" for the "b" (correct_teencode
# short_word.json: "pít", "pik", "piet" → "biết"; "hok pit nua" in the writers' mixed style), and only here.
_KNOW = ("bít", "bit", "bt", "pít", "pit")
CHAT_PHRASES.update({f"{neg} {form}": f"{std} biết" for neg, std in _NOT_YET.items() for form in _KNOW})
CHAT_PHRASES.update({f"mk {neg} {form}": f"mình {std} biết" for neg, std in _NOT_YET.items()
                     for form in _KNOW})  # before "mk ko" below takes the negation
CHAT_PHRASES.update({f"{form} {ask}": f"biết {std}" for form in _KNOW
                     for ask, std in (*_NOT_YET.items(), ("j", "gì"), ("gì", "gì"))})
# "mk" is "mình" as the subject of what follows or after whom it names ("mà mk ko bít", "mk nhập sđt", "cho mk",
# "quê mk"); "mật khẩu" stays where it is typed, entered or forgotten ("nhập mk", "quên mk"), which these never
# cover. Round 12 adds to round 10's verbs.
CHAT_PHRASES.update({f"mk {verb}": f"mình {verb}" for verb in (
    "ko", "không", "k", "hk", "hok", "chả", "chẳng", "nhập", "ở", "là", "có", "bị", "tìm", "biết", "bít", "tính",
    "dùng", "xài", "thử", "đi", "lên", "về", "gửi", "sẽ", "đã", "vẫn", "còn", "tưởng", "nghĩ", "học", "ngoài",
    "trong", "mới", "mún", "cần")})
CHAT_PHRASES.update({f"{whose} mk": f"{whose} mình" for whose in (
    "cho", "giúp", "giùm", "dùm", "của", "mà", "bọn", "tụi", "nhà", "quê", "xã", "con", "mẹ", "bố", "ba", "má")})
# "dt" is "điện thoại" where a phone is bought, held, used or numbered ("mua dt", "số dt", "lướt dt", "trên dt",
# "dt cảm ứng"), "điện tử" after what the KB calls electronic ("định danh đt", "chính phủ dt"); elsewhere both.
CHAT_PHRASES.update({f"{before} {dt}": f"{before} điện thoại" for dt in ("dt", "đt") for before in (
    "mua", "số", "sđt", "trên", "bằng", "lướt", "cài", "xài", "dùng", "qua", "cầm", "máy", "cái", "đổi")})
CHAT_PHRASES.update({f"{dt} {after}": f"điện thoại {after}" for dt in ("dt", "đt") for after in (
    "di động", "thông minh", "cảm ứng", "cùi", "xịn", "cũ", "mới")})
CHAT_PHRASES.update({f"{before} {dt}": f"{before} điện tử" for dt in ("dt", "đt") for before in (
    "định danh", "chính phủ", "thương mại", "thanh toán", "ví", "giao dịch", "hóa đơn", "hồ sơ", "cổng",
    "chứng thực", "xác thực")})

# Round 15 (qa15oos): "nhg" is "nhưng" (COMMON) except before "gì", where only the plural "những" makes Vietnamese
# ("kênh này làm đc nhg j cho mình"): "những gì" (what things) asks; "nhưng gì" is no phrase.
CHAT_PHRASES.update({f"nhg {what}": f"những {std}" for what, std in (("j", "gì"), ("gì", "gì"), ("gi", "gì"))})

# Teencode words read only where typed as a word of their own: "s ad bảo…" is "sao", the "s" of "VNeID's" is not.
CHAT_WORDS: dict[str, str] = {"s": "sao"}
