"""Every phrase a user sees or taps lives in content/: no Vietnamese text in code outside data tables.

A string literal with a Vietnamese letter in bot/, handlers/ or workers/ is a phrase written in code (a
reply, a command word, a button payload, which Zalo shows as the user's own message). Docstrings and
comments may quote phrases; the modules below hold data, not phrases.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300-\u0323\u1EA0-\u1EF9áàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]", re.I)
DATA_TABLES = {
    "bot/nlp/abbreviations.py": "the normalizer's abbreviation table (input spellings, not output)",
    "bot/nlp/syllables.py": "the look-alike letters and tone marks of Vietnamese syllables",
    "bot/nlp/typing_decoders.py": "the Telex/VNI tables: which key puts which mark on which letter",
    "bot/kb/lexicon.py": "stop words and synonyms the matcher ignores or folds",
    "bot/kb/evaluate.py": "the evaluation report quotes the bot's own prefix",
    "bot/stories/pii.py": "regular expressions that find personal data in Vietnamese text",
    "bot/zalo/emulator/api_users.py": "the emulator's fake Zalo users' names and its OA's name (Zalo's data)",
    "bot/nlp/dialect.py": "regional words and particles the normalizer rewrites (input spellings, with sources)",
    "bot/nlp/clauses.py": "question words and connectives that split a message into clauses (input)",
    "bot/nlp/reference.py": "the demonstratives that close a noun a question points back at (input)",
    "handlers/warm.py": "sample citizen messages a starting worker routes and discards (input, never sent)",
    "bot/kb/restates.py": "patterns of the dates and figures an answer states (input reading, never shown)",
    "bot/kb/asks/amounts.py": "patterns of pay, fees and money a question asks for and an answer says (input)",
    "bot/kb/asks/services.py": "a service's price, hours, bank products and changes asked and said (input)",
    "bot/kb/asks/documents.py": "the document words an answer's numbered documents are written with (input)",
    "bot/kb/asks/people.py": "patterns of a person's private life, read as typed, and said by an answer (input)",
    "bot/kb/asks/dates.py": "the weekdays an answer names (input)",
    "bot/kb/asks/places.py": "a country only its marks tell from a common word (Laos), and its key (input)",
    "bot/kb/asks/opinion.py": "an opinion asked, read as typed: a guess, a confirmation, a feat doubted (input)",
    "bot/kb/asks/ranks.py": "a leader, fixed broadband or a region said by an answer, Asia typed (input)",
    "bot/kb/asks/procedures.py": "a procedure read as typed (sổ đỏ), a login or an admission said (input)",
    "bot/kb/asks/world.py": "a storm's facts and a country where something began, read as typed (input)",
    "bot/kb/asks/elsewhere.py": "a day off and a sale an answer says, to tell it from one asked (input)",
    "bot/kb/asks/recruitment.py": "a civil-service exam read as typed: \"thi\" without its mark, not \"thì\" (input)",
    "bot/kb/citations.py": "the \"thì\" that closes a source cited before a question, typed with its mark (input)",
    "bot/kb/follow_up.py": "the connector that opens a second question, typed with its mark (input)",
    "bot/kb/factsheet.py": "patterns that read dates, document numbers and names in answers and the fact sheet (input)",
    "bot/kb/reported.py": "the verb of asking a reported question is told with, typed with its marks (input)",
    "bot/kb/sourcing.py": "the letter đ, used to tell a Vietnamese source title from a foreign one",
    "bot/golive/cli.py": "English instructions for the operator that quote Zalo's own button label",
}


def _phrases_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [f"{path.name}:{node.lineno}: {node.value[:40]!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and VIETNAMESE.search(node.value)]


def test_no_user_facing_phrase_is_written_in_code() -> None:
    assert all((ROOT / path).is_file() for path in DATA_TABLES), "an exempt module moved: update DATA_TABLES"
    found = []
    for tree in ("bot", "handlers", "workers"):
        for path in sorted((ROOT / tree).rglob("*.py")):
            if str(path.relative_to(ROOT)) not in DATA_TABLES:
                found += _phrases_in(path)
    assert not found, "phrases belong in content/ (messages/*.toml or commands.toml):\n" + "\n".join(found)


def test_the_check_sees_a_phrase_and_not_a_docstring(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text('"""Docstrings may say "xin chào"."""\nGREETING = "Xin chào"\nWORD = "hello"\n', encoding="utf-8")
    assert _phrases_in(probe) == ["probe.py:2: 'Xin chào'"]
