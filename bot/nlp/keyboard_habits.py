"""Two phone-keyboard habits that break a message's words before anything reads them: punctuation typed without
the space after it ("ạ.Em", "ở mô,làm răng?") and a letter held down at the end of a word ("dzậyyyy", "điiii").

Why before every reader: the readers of a message take its words between spaces. A sentence typed on a phone is
often closed by a full stop or a comma with no space after it (the punctuation key sits beside the space bar, and
the keyboard's automatic space is often off), so "mô,làm" was one word to the regional reader
(``bot.nlp.dialect``) and "mạng.Tôi" one sentence to the sentence splitter (``bot.nlp.clauses``, which cuts at a
full stop followed by a space) — the story and the question ran together. And chat stretches a word by holding
its last letter down ("rứaaaa", "nhaaa", "hôngggg"; ViLexNorm, github.com/ngxtnhi/ViLexNorm ``dev.csv``,
normalises "xúccc", "chưaaa", "tuiiiii" to "xúc", "chưa", "tui"; the teencode corrector github.com/duytran-vio/
correct_teencode reads a repeated letter once before anything else). The word analyser reads a stretched syllable
once (``bot.nlp.normalize._letter_doubled``), but the regional reader and the abbreviation tables, which come first
or match whole words, did not ("dzậyyyy" is no particle, "cđssss" no abbreviation).

Round 30 (mixed30): ``tools/retype_probe.py``'s ``m_nospace`` and ``m_stretch`` re-typings of the tuned questions
lost 152 of 1,491 and 48 of 2,702 answers.

Round 32 (mixed32): an emoji typed where a sentence ends. Chat writers close a sentence with an emoji instead of a
full stop or a question mark ("3 tru cot cds la j z 😅 c hai che o Thanh Ba …", "… khách toàn quét qr 😂😂 cho c hỏi
…"): the emoji stands for the sentence's tone of voice and the next sentence starts after it. Studies of emoji in
chat read them the same way — an emoji at a clause boundary works as punctuation, not as a word (Dürscheid &
Siever, "Beyond the Alphabet – Communication with Emojis", 2017; Gawne & McCulloch, "Emoji as Digital Gestures",
2019; McCulloch, *Because Internet*, 2019, ch. 5: emoji sit where a speaker would gesture, at the end of an
utterance). Unread, the story and the question ran together into one sentence for the sentence splitter
(``bot.nlp.clauses``), so the story's words weighed as much as the question's and a question answered alone was left
unanswered. An emoji (or a run of them) between a word and the next word, with no punctuation typed around it, is
read as the end of the sentence; so is an emoticon typed apart (":))", "=))", ":v"), the keyboard's older way of
writing the same thing.

Round 34 (emoji34): only where it closes a question (``ends_questions``). Round 32's cut answered one held-out
off-topic letter in each of two measurements: a story, an emoji, and a short question with the channel's words about
the story's subject. Vietnamese drops a subject the talk already holds (topic-comment: the story sets the topic, the
question comments on it — "fb e bị hack mất rồi 😭 lấy lại tài khoản sao ad"), so a question typed after its story
leans on it, and read apart it asks the channel's own question. A question typed first names what it asks about, and
the emoji after it stands where its question mark would ("ngày cđs là ngày nào z 🤔 e ở kcn …"); one that points at
what follows ("bên đó", "nó": ``bot.nlp.clauses.self_contained``) does not, and is not cut either. The emoji is
replaced by a full stop: a word without letters left in an unmarked letter made the regional reader write its
standard words with marks (``bot.nlp.dialect.standardize`` counts a word with no ASCII as typed with marks). The
engine reads the letter as typed too, where the off-topic readers need the afterthought (``bot.kb.parted``).

Three passes of regular expressions over the text (and one over its emoji): linear in its length.
"""

from __future__ import annotations

import re

from bot.nlp.abbreviations import COMMON, DOMAIN
from bot.nlp.clauses import asks_by_itself, self_contained
from bot.nlp.syllables import fold, is_syllable

__all__ = ["as_typed_apart", "ends_questions"]

# A comma, semicolon, colon, question or exclamation mark (or a run of them) between two letters: no word of
# Vietnamese, no number ("1,5", "8:30": digits) and no web address ("https://": a slash follows) has one there.
_GLUED_MARK = re.compile(r"(?<=[^\W\d_])([,;:!?…]+)(?=[^\W\d_])")
# A full stop (or an ellipsis typed as dots) after a word or a number and before a letter (not before letters and
# digits run together: "000.00.12.H40", a dossier's code, has no sentence in it). Web addresses and file
# names ("dichvucong.gov.vn", "c63.mic.gov.vn") have one too, so it is read as a sentence's end only where a
# sentence starts after it: a capital letter, or a word typed with marks (an address is typed without them).
_GLUED_STOP = re.compile(r"(?<=[^\W_])(\.+)([^\W\d_]+)(?![^\W_])")
_WORD_BEFORE = re.compile(r"[^\W_]+$")
_LONGEST_WORD = 32
# Titles and address units written with a full stop and no space before the name ("TP.Hồ Chí Minh", "Tp.Huế",
# "TX.Sơn Tây", "GS.TS", "ThS.Nguyễn"): a name follows, not a sentence.
_DOTTED_TITLES = frozenset({"tp", "tx", "tt", "gs", "ts", "pgs", "ths", "bs", "ks", "ls", "nxb", "cn", "q", "p",
                            "h", "x", "tr"})
# The same letter three times or more at the end of a word: no Vietnamese syllable has a letter twice in a row at
# its end ("oo" and "ee" of "xoong", "kee" are inside or Telex), so three is a letter held down.
_HELD = re.compile(r"([^\W\d_])\1{2,}(?=[^\w]|$)")
# A word of two consonants, the second held ("hmmmm", "brrr", "pfff", "shhh"), is a sound, not a stretched syllable
# or initials, unless the two are an abbreviation of the tables ("bnnnn" = "bn", bao nhiêu; "dcccc" = "dc", được).
# Longer vowel-less words are initials or raw Telex ("cđssss", "gdpppp", "cddssss" = "cđs") and are read once.
_VOWELS = frozenset("aeiouy")
_SOUND_LETTERS = 2
# A word that is one letter repeated ("tttt" is the ministry's "TT&TT" typed without its "&", "xxx"), an
# abbreviation of the tables ending so ("btttt", "atttt") or a Roman numeral ("XIII", "III") repeats its letters on
# purpose.
_ROMAN = frozenset("ivxlcdm")
_TABLE_KEYS = frozenset({*COMMON, *DOMAIN})
# Emoji (pictographs, dingbats and symbols, with their joiners, skin tones and presentation selectors), typed in a
# run between a word or number and the next word with no punctuation around them: the end of a sentence.
# Their typed ancestors, the emoticons of Vietnamese chat (":))", "=))", ":((", ":v", ":D", "^^"), are read the same
# way, set apart by spaces (a colon glued to a word is a time or a label: "8:30", "Lưu ý:").
_EMOJI = r"[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
_EMOTICON = r"(?:[:=;]-?[()]+|:[vVdDpP]|\^_?\^)(?![^\s])"
_SIGN = rf"(?:{_EMOJI}|(?<=\s){_EMOTICON})"
_EMOJI_END = re.compile(rf"(?<=[^\W_])(\s*{_SIGN}(?:[\s\ufe0f\u200d]*{_SIGN})*\ufe0f?)\s*(?=[^\W\d_])")
# A tag question closing a statement ("… nhập vô Đắk Lắk rồi phải hông", "… đúng ko ạ") asks only whether what was
# just told is true, as English "isn't it?" does (Nguyễn Đình Hoà, *Vietnamese*, 1997, on question particles; the
# same reading as ``bot.kb.question_part.only_confirms``): the sentence tells, and the question after it may lean on
# it. Its words, folded: the truth asked, the negation or particle that asks it, and the particles around them.
_TAG_TRUTH = frozenset({"phai", "dung", "that", "thiet"})
_TAG_ASK = frozenset({"khong", "hong", "ko", "k", "kg", "hk", "hok", "hem", "ha", "chang", "chu"})
_TAG_WORDS = _TAG_TRUTH | _TAG_ASK | frozenset({"co", "vay", "the", "rua", "z", "v", "day", "a", "ak", "nhi", "nhe",
                                                  "ad", "ta", "hay", "chua", "ne", "mn"})
_TAG_MOST = 6  # words of a tag with its particles
# The end of the sentence before a point of the text: the last sentence mark (or line break) typed before it.
_SENTENCE_MARK = re.compile(r"[.?!;…](?=\s)|\n")


def _stop(m: re.Match[str]) -> str:
    """The full stop with a space after it where a sentence starts there, else as typed."""
    after = m[2]
    # the word before, looked for in a window no word is longer than: a search from the message's start would make
    # the pass quadratic in a message of many glued sentences
    before = _WORD_BEFORE.search(m.string, max(0, m.start() - _LONGEST_WORD), m.start())
    word = before[0] if before else ""
    if word.lower() in _DOTTED_TITLES or (word.isascii() and word.isalpha() and len(word) == 1):
        return m[0]  # "TP.HCM", "Q.Ba Đình", "P.Tân Định": a name follows its unit's abbreviation
    if word.isupper() and after.isupper():
        return m[0]  # "TP.HCM", "UBND.TP": initials on both sides
    starts = after[0].isupper() or not after.isascii() or not word.isascii() or _both_words(word, after)
    return f"{m[1]} {after}" if starts else m[0]


# The ends of web addresses: a word typed after a full stop is one of these far more often than a sentence's first.
_ADDRESS_ENDS = frozenset({"vn", "com", "net", "org", "gov", "edu", "info", "me", "io", "html", "php", "pdf"})


def _both_words(before: str, after: str) -> bool:
    """Whether an unmarked full stop joins two words of chat, not two parts of a web address ("nha.ong", "r.toi":
    a syllable or a teencode word on either side; "dichvucong.gov", "zalo.me", "mic.gov" are not)."""
    low_before, low_after = before.lower(), after.lower()
    if low_after in _ADDRESS_ENDS or not before.isalpha():
        return False
    return (is_syllable(low_before) or low_before in COMMON) and is_syllable(low_after)


def _held(m: re.Match[str]) -> str:
    """A held-down last letter read once, unless the whole word is that letter or a Roman numeral."""
    start = m.start()
    while start and (m.string[start - 1].isalpha()):
        start -= 1
    word = m.string[start:m.end()]
    low = word.lower()
    if len(set(low)) == 1 or (word.isupper() and _ROMAN.issuperset(low)) or fold(low) in _TABLE_KEYS:
        return m[0]
    once = word[:len(word) - len(m[0]) + 1]
    if len(once) == _SOUND_LETTERS and _VOWELS.isdisjoint(fold(low)) and fold(once.lower()) not in _TABLE_KEYS:
        return m[0]  # "hmmmm": a sound held, no word to recover
    return m[1]


def as_typed_apart(text: str) -> str:
    """``text`` with a space after punctuation that starts a new word or sentence, and a held-down last letter of a
    word read once ("ở mô,làm răng?" → "ở mô, làm răng?"; "mạng.Tôi" → "mạng. Tôi"; "dzậyyyy" → "dzậy"). Web
    addresses, decimals, times and initials ("TP.HCM", "tttt", "XIII") stay as typed; so do emoji
    (:func:`ends_questions` reads those that close a question)."""
    if "." in text:
        text = _GLUED_STOP.sub(_stop, text)
    text = _GLUED_MARK.sub(r"\1 ", text)
    return _HELD.sub(_held, text)


def ends_questions(text: str) -> str:
    """``text`` with a full stop in place of each emoji run that closes a question (see :data:`_EMOJI_END`): the words
    typed before the emoji, since the last sentence mark or emoji, ask (``bot.nlp.clauses.asks_by_itself``) and name
    what they ask about (``self_contained``), so the emoji stands where the question mark would ("là gì z 😅 chị
    quên" → "là gì z. chị quên"). After words that tell, the emoji is the story's tone and the sentence after it is
    read with the story as one: a question that follows its story leans on it for its subject ("fb e bị hack mất rồi
    😭 lấy lại tài khoản sao ad", "Singapore làm smart nation hay quá 😍 bên đó có bao nhiêu dịch vụ công trực
    tuyến"). Each stretch of text is read once: linear."""
    pieces: list[str] = []
    start = 0  # where the text not yet copied starts
    for m in _EMOJI_END.finditer(text):
        told = text[start:m.start()]
        marks = list(_SENTENCE_MARK.finditer(told))
        before = told[marks[-1].end():] if marks else told
        pieces.append(told)
        pieces.append(". " if _asks(before) else m[0])
        start = m.end()
    if not pieces:
        return text
    pieces.append(text[start:])
    return "".join(pieces)


def _asks(sentence: str) -> bool:
    """Whether ``sentence`` asks something by itself and names what it asks about (a statement closed by a tag
    question tells: it asks only whether it is true)."""
    words = sentence.split()
    tail = [fold(w.strip(".,!?…").lower()) for w in words[-_TAG_MOST:]]
    n = 0
    while n < len(tail) and tail[-1 - n] in _TAG_WORDS:
        n += 1
    if n and _TAG_TRUTH.intersection(tail[len(tail) - n:]) and _TAG_ASK.intersection(tail[len(tail) - n:]):
        sentence = " ".join(words[:len(words) - n])
    return asks_by_itself(sentence) and self_contained(sentence)
