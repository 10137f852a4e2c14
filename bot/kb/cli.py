"""``dxbot ask`` and ``dxbot kb check|unanswered`` (contract §4).

``register(subparsers)`` plugs these into the main ``dxbot`` parser; ``main()`` runs them standalone
(``python -m bot.kb.cli ask --json "..."``) until then.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import redis

from bot.kb.checks import MAX_ANSWER_CHARS, check_kb, review_due
from bot.kb.decision import Answer
from bot.kb.engine import KnowledgeBase, load_kb
from bot.kb.learn import forget, top_choices
from bot.kb.loader import KBError
from bot.kb.phrasings import add_phrasings
from bot.kb.unanswered import top_unanswered


def _print_answer(result: Answer, *, as_json: bool, one_line: bool) -> None:
    if as_json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    elif one_line:
        print(" | ".join(line for line in result.text.splitlines() if line.strip()))
    else:
        print(result.text)


def _load(args: argparse.Namespace, command: str) -> KnowledgeBase | None:
    """The KB at ``--kb`` (default content/kb), or None after printing why it cannot be read."""
    try:
        return load_kb(args.kb)
    except KBError as exc:
        print(f"dxbot {command}: {exc}", file=sys.stderr)
        return None


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer QUESTION, or each stdin line; no side effects (nothing is recorded)."""
    kb = _load(args, "ask")
    if kb is None:
        return 2
    if args.question:
        _print_answer(kb.answer(" ".join(args.question)), as_json=args.json, one_line=False)
        return 0
    for line in sys.stdin:
        question = line.rstrip("\r\n")
        _print_answer(kb.answer(question), as_json=args.json, one_line=True)
        sys.stdout.flush()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Print every problem and exit 1 if there is any; list (without failing) the entries due for review."""
    problems = check_kb(args.kb, max_answer_chars=args.max_chars, today=args.today)
    due = review_due(args.kb, args.today)
    if due:
        print(f"kb check: {len(due)} entr{'y' if len(due) == 1 else 'ies'} due for review "
              "(re-check against the sources, then update verified and review_by):")
        for entry in due:
            print(f"kb check:   {entry.file}: entry {entry.id!r} ({entry.kind}) review_by "
                  f"{entry.review_by.isoformat() if entry.review_by else '?'}")
    for problem in problems:
        print(f"kb check: {problem}", file=sys.stderr)
    if problems:
        print(f"kb check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("kb check: OK")
    return 0


def _redis(command: str) -> redis.Redis | None:
    url = os.environ.get("REDIS_URL")
    if not url:
        print(f"kb {command}: REDIS_URL is not set", file=sys.stderr)
        return None
    return redis.Redis.from_url(url)


def cmd_unanswered(args: argparse.Namespace, redis_client: redis.Redis | None = None) -> int:
    """The most frequent questions the bot could not answer (folded, without user ids)."""
    redis_client = redis_client or _redis("unanswered")
    if redis_client is None:
        return 2
    try:
        rows = top_unanswered(redis_client, args.limit)
    except redis.RedisError as exc:
        print(f"kb unanswered: cannot read Redis: {exc}", file=sys.stderr)
        return 2
    for question, count in rows:
        print(f"{count:>6}  {question}")
    return 0


def cmd_learn(args: argparse.Namespace, redis_client: redis.Redis | None = None) -> int:
    """List what citizens chose after "Ý bạn là…?"; accept pairs as phrasings, or reject them.

    Numbers refer to the listing (most frequent first), so list, then ``--accept 1 3 --reject 2``. Accepted
    pairs are written to content/phrasings/<topic>.toml; both accepted and rejected pairs leave the list.
    """
    redis_client = redis_client or _redis("learn")
    if redis_client is None:
        return 2
    kb = _load(args, "kb learn")
    if kb is None:
        return 2
    try:
        rows = top_choices(redis_client, 0)
    except redis.RedisError as exc:
        print(f"kb learn: cannot read Redis: {exc}", file=sys.stderr)
        return 2
    picked = set(args.accept) | set(args.reject)
    if not picked:
        for number, (entry_id, question, count) in enumerate(rows[: args.limit], start=1):
            print(f"{number:>4}  {count:>5}  {entry_id:<32}  {question}")
        return 0
    if bad := sorted(n for n in picked if not 1 <= n <= len(rows)):
        print(f"kb learn: no pair numbered {', '.join(map(str, bad))} (list again)", file=sys.stderr)
        return 2
    accepted: dict[str, list[tuple[str, str]]] = {}
    for n in sorted(set(args.accept)):
        entry_id, question, _ = rows[n - 1]
        entry = kb.by_id.get(entry_id)
        if entry is None:
            print(f"kb learn: entry {entry_id!r} no longer exists; pair {n} rejected", file=sys.stderr)
            continue
        accepted.setdefault(entry.topic, []).append((entry_id, question))
    for topic, pairs in accepted.items():
        path = add_phrasings(topic, pairs, args.phrasings)
        print(f"kb learn: {len(pairs)} phrasing(s) added to {path}")
    forget(redis_client, [(rows[n - 1][0], rows[n - 1][1]) for n in sorted(picked)])
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the engine (and the command routes) on labelled sets; the tables of bot/kb/evaluate.py."""
    from bot.kb.evaluate import evaluate, load_cases

    kb = _load(args, "kb eval")
    if kb is None:
        return 2
    # The command routes live above this package (handlers/): the entry point that registered us passes a
    # probe over the real router; without one, every message counts as a question.
    probe = getattr(args, "route_probe", None)
    route = probe() if probe is not None else (lambda _text: None)
    for path in args.files:
        report = evaluate(kb, load_cases(path), route)
        print(f"== {path}")
        print(report.format())
        if args.failures:
            print("\n".join(report.failures))
    return 0


def register(subparsers: argparse._SubParsersAction,
             route_probe: Callable[[], Callable[[str], str | None]] | None = None) -> None:
    """Add ``ask`` and ``kb`` (``check``, ``unanswered``) to a ``dxbot`` subparsers object."""
    ask = subparsers.add_parser("ask", help="answer a question from the knowledge base")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer")
    ask.add_argument("--kb", type=Path, default=None, help="knowledge-base directory (default content/kb)")
    ask.add_argument("question", nargs="*", help="the question; without it, one question per stdin line")
    ask.set_defaults(func=cmd_ask)

    kb = subparsers.add_parser("kb", help="knowledge-base tools")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    check = kb_sub.add_parser("check", help="validate content/kb; non-zero exit on any problem")
    check.add_argument("--kb", type=Path, default=None, help="knowledge-base directory (default content/kb)")
    check.add_argument("--max-chars", type=int, default=MAX_ANSWER_CHARS, help="answer length limit")
    check.add_argument("--today", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                       help="check as of this day (default: today, UTC): what is due for review then")
    check.set_defaults(func=cmd_check)
    unanswered = kb_sub.add_parser("unanswered", help="most frequent unanswered questions (needs Redis)")
    unanswered.add_argument("--limit", type=int, default=20)
    unanswered.set_defaults(func=cmd_unanswered)
    learn = kb_sub.add_parser("learn", help="review what citizens chose among the offered choices (needs Redis)")
    learn.add_argument("--kb", type=Path, default=None, help="knowledge-base directory (default content/kb)")
    learn.add_argument("--phrasings", type=Path, default=None, help="phrasings directory (default content/phrasings)")
    learn.add_argument("--limit", type=int, default=50, help="pairs listed")
    learn.add_argument("--accept", type=int, nargs="+", default=[], metavar="N", help="add pair N as a phrasing")
    learn.add_argument("--reject", type=int, nargs="+", default=[], metavar="N", help="drop pair N")
    learn.set_defaults(func=cmd_learn)
    evaluation = kb_sub.add_parser("eval", help="score answers on labelled question sets (tests/eval/...)")
    evaluation.add_argument("--kb", type=Path, default=None, help="knowledge-base directory (default content/kb)")
    evaluation.add_argument("--failures", action="store_true", help="also list every miss")
    evaluation.add_argument("files", nargs="+", type=Path)
    evaluation.set_defaults(func=cmd_eval, route_probe=route_probe)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dxbot")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
