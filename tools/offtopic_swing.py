"""How much the off-topic model's decisions swing when the engine changes a little.

    .venv/bin/python -m tools.offtopic_swing            # K shuffle seeds and K fits without 3 % of the messages
    .venv/bin/python -m tools.offtopic_swing --k 3 --bag 5 --share 0.8 --l2 0.003 --loso

The committed weights (``content/out_of_scope_model.json``) are retrained from the engine's own readings at every
change, so any change that moves a reading moves the weights, and the new weights move other questions across the
cut-off (``decision.OOS_TRAINED``). This tool stands for "the engine changed a little" by perturbing the training:
``--k`` fits with other shuffle seeds and ``--k`` fits each leaving out a random ``--drop`` share of the training
messages, each with the recipe measured (``tools.train_offtopic.train``; ``--bag``, ``--share``, ``--l2``). Over
every tuned and held-out evaluation set it then counts, per set, the messages whose decision (confident or not, the
entry, out of scope) differs from the unperturbed fit's under any perturbation, the mean number changed per
perturbed fit, and the messages the model weighs near the cut-off (a reading that the model can stop — the naive
Bayes leaning out, not a redirect entry — with a probability within ``--near`` of it). Held-out sets are counted
only: no question of theirs is printed.

Exact where it matters: each message's readings (features, naive Bayes, the top entry) are recorded once through
the engine with the committed model; a message whose readings get the same vote (stop or not) from every fit
answers alike, and the ones that do not are replayed through the engine with each fit.
"""

from __future__ import annotations

import argparse
import math
import pickle
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.kb import decision, load_kb
from bot.kb.engine import KnowledgeBase
from bot.kb.evaluate import REDIRECT_TOPIC, load_cases
from bot.kb.lexicon import View
from bot.kb.offtopic_model import Model, features
from bot.kb.records import EntryRecord
from tools import train_offtopic as trainer

BLIND = trainer.EVAL / "blind"


def tuned_sets() -> list[Path]:
    """The sets one may read: the old set, dev…dev7, the a-halves, dev14long."""
    names = ["dev", *(f"dev{i}" for i in range(2, 8)), *(f"dev{i}a" for i in range(8, 19)), "dev14long"]
    return [trainer.EVAL / "questions.toml", *(BLIND / f"{n}.toml" for n in names if (BLIND / f"{n}.toml").is_file())]


def held_out_sets() -> list[Path]:
    """The sets counted only (never test26, the lead's alone)."""
    names = [*(f"dev{i}b" for i in range(8, 19)), "long13", "test", *(f"test{i}" for i in range(2, 26))]
    return [BLIND / f"{n}.toml" for n in names if (BLIND / f"{n}.toml").is_file()]


@dataclass(frozen=True, slots=True)
class Message:
    """One evaluation message that reaches the engine: its text (never printed) and each reading the model weighs
    — the features, and whether the model can stop it (the naive Bayes leaning out, not a redirect entry)."""

    text: str
    readings: tuple[tuple[tuple[str, ...], bool], ...]


def record(kb: KnowledgeBase, paths: Sequence[Path], route: Callable[[str], str | None]) -> dict[str, list[Message]]:
    """Every message of each set with the readings the engine gives it (``Outside.against``'s calls)."""
    outside = kb.index.outside
    assert outside is not None
    seen: list[tuple[View, EntryRecord, float]] = []
    plain = outside.against

    def recording(qv: View, top: EntryRecord) -> tuple[float, bool, float, float]:
        found = plain(qv, top)
        seen.append((qv, top, found[2]))
        return found

    outside.against = recording  # type: ignore[method-assign]
    found: dict[str, list[Message]] = {}
    try:
        for path in paths:
            messages = found[path.name] = []
            for case in load_cases(path):
                if case.command_only or route(case.question) is not None:
                    continue
                seen.clear()
                kb.answer(case.question)
                kept = {(tuple(features(qv, top)), nb >= decision.OOS_TRAINED_NB and top.entry.topic != REDIRECT_TOPIC)
                        for qv, top, nb in seen}
                messages.append(Message(case.question, tuple(sorted(kept))))
    finally:
        del outside.against
    return found


def _p(model: Model, names: Sequence[str]) -> float:
    z = model.score(names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def votes(model: Model, message: Message) -> tuple[bool, ...]:
    """Whether the model stops each reading it can stop."""
    return tuple(_p(model, names) >= decision.OOS_TRAINED for names, can in message.readings if can)


def near(model: Model, message: Message, band: float) -> bool:
    """A reading the model can stop weighs within ``band`` of the cut-off."""
    return any(abs(_p(model, names) - decision.OOS_TRAINED) <= band
               for names, can in message.readings if can)


def decided(kb: KnowledgeBase, model: Model, text: str) -> tuple[bool, str | None, bool]:
    """What the engine does with the message under ``model``: confident, the entry, out of scope."""
    outside = kb.index.outside
    assert outside is not None
    outside.model = model
    result = kb.answer(text)
    return result.confident, result.entry if result.confident else None, result.out_of_scope


def perturbed(examples: Sequence[trainer.Example], k: int, drop: float) -> list[tuple[str, dict[str, float]]]:
    """``k`` fits with other shuffle seeds, then ``k`` fits each without a random ``drop`` share of the messages."""
    fits = []
    for j in range(1, k + 1):
        fits.append((f"seed+{j}", trainer.train(examples, seed=trainer.SEED + 1000 * j)))
        print(f"fitted seed+{j}", file=sys.stderr)
    for j in range(1, k + 1):
        rng = random.Random(7000 + j)
        kept = [ex for ex in examples if rng.random() >= drop]
        fits.append((f"drop{j}", trainer.train(kept)))
        print(f"fitted drop{j}", file=sys.stderr)
    return fits


def swing(kb: KnowledgeBase, recorded: dict[str, list[Message]], base: Model,
          others: Sequence[Model], band: float) -> dict[str, tuple[int, int, float, int]]:
    """Per set: messages, messages whose decision changes under any perturbation, mean changed per perturbation,
    messages near the cut-off (under the base fit)."""
    rows = {}
    for name, messages in recorded.items():
        changed: set[int] = set()
        per = [0] * len(others)
        nearby = 0
        for i, message in enumerate(messages):
            nearby += near(base, message, band)
            mine = votes(base, message)
            differ = [j for j, other in enumerate(others) if votes(other, message) != mine]
            if not differ:
                continue
            first = decided(kb, base, message.text)
            for j in differ:
                if decided(kb, others[j], message.text) != first:
                    changed.add(i)
                    per[j] += 1
        rows[name] = (len(messages), len(changed), sum(per) / max(1, len(per)), nearby)
    outside = kb.index.outside
    assert outside is not None
    outside.model = base
    return rows


def _table(title: str, rows: dict[str, tuple[int, int, float, int]], show: bool) -> list[str]:
    lines = [f"{title:<16} {'messages':>9} {'changed':>8} {'mean/fit':>9} {'near':>6}"]
    if show:
        lines += [f"{n:<16} {r[0]:>9} {r[1]:>8} {r[2]:>9.1f} {r[3]:>6}" for n, r in rows.items()]
    total = [sum(r[i] for r in rows.values()) for i in range(4)]
    lines.append(f"{'sum':<16} {total[0]:>9} {total[1]:>8} {total[2]:>9.1f} {total[3]:>6}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.offtopic_swing", description=__doc__.split("\n")[0])
    parser.add_argument("--k", type=int, default=3, help="perturbed fits of each kind")
    parser.add_argument("--drop", type=float, default=0.03, help="share of training messages a drop fit leaves out")
    parser.add_argument("--near", type=float, default=0.05, help="the band around the cut-off counted as near")
    parser.add_argument("--bag", type=int, default=trainer.BAG, help="fits averaged (the recipe measured)")
    parser.add_argument("--share", type=float, default=trainer.SHARE, help="share of messages each bagged fit sees")
    parser.add_argument("--l2", type=float, default=trainer.L2, help="the L2 penalty")
    parser.add_argument("--loso", action="store_true", help="also the leave-one-set-out figures of the recipe")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[decision.OOS_TRAINED],
                        help="the cut-offs --loso measures")
    parser.add_argument("--cache", type=Path, help="a pickle of the training messages and the recorded readings")
    parser.add_argument("--sets", action="store_true", help="one line per tuned set (held-out: sums only)")
    args = parser.parse_args(argv)
    trainer.BAG, trainer.SHARE, trainer.L2 = args.bag, args.share, args.l2
    kb = load_kb()
    outside = kb.index.outside
    assert outside is not None
    committed = outside.model
    route = trainer._route()
    if args.cache is not None and args.cache.is_file():
        examples, tuned, held = pickle.loads(args.cache.read_bytes())
    else:
        outside.model = None
        examples = trainer.collect(kb, route=route)
        outside.model = committed
        tuned = record(kb, tuned_sets(), route)
        held = record(kb, held_out_sets(), route)
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps((examples, tuned, held)))
    base = Model(trainer.train(examples))
    print(f"recipe: bag {trainer.BAG}, share {trainer.SHARE}, l2 {trainer.L2}; {len(base.weights)} weights",
          file=sys.stderr)
    others = [Model(w) for _, w in perturbed(examples, args.k, args.drop)]
    lines = [f"recipe: bag {trainer.BAG}, share {trainer.SHARE}, l2 {trainer.L2}; {len(base.weights)} weights; "
             f"{args.k} seeds + {args.k} fits without {args.drop:.0%}; near = within {args.near} of "
             f"{decision.OOS_TRAINED}"]
    lines += _table("tuned", swing(kb, tuned, base, others, args.near), args.sets)
    lines += _table("held-out", swing(kb, held, base, others, args.near), False)
    print("\n".join(lines), flush=True)
    if args.loso:
        outside.model = None
        print("\n".join(trainer.loso(kb, examples, route, args.thresholds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
