"""How much the off-topic model's decisions swing when the engine changes a little.

    .venv/bin/python -m tools.offtopic_swing            # K shuffle seeds and K fits without 3 % of the messages
    .venv/bin/python -m tools.offtopic_swing --k 3 --bag 5 --share 0.8 --l2 0.003 --loso --cache

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

``--edits N`` measures what the brief of round 21 asks instead: N small edits of the knowledge base (``EDIT_KINDS``:
one phrasing added to one entry, one removed, one entry retitled, one new entry split off an entry with two of its
questions), each drawn by its own seed (``--edit-seed`` + i) and applied in memory to a copy of the KB's entries and
phrasings (``content/`` is never written). For each edit the training messages are read again by the edited engine,
the recipe is retrained, and every evaluation message whose decision could move (the retrained model votes otherwise
on one of its readings) is read again by the edited engine: when its own readings did not change, it is replayed
with the base fit and with the retrained one, and a different decision counts as **moved** — a decision the retrain
changed on a message the edit did not touch. The table also gives the mean and the largest change of a message's
off-topic log-odds under the retrain (its readings held fixed). ``--recipe`` and ``--prior`` pick the fit measured.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import math
import pickle
import random
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.kb import decision, load_kb
from bot.kb.decision import Answer
from bot.kb.engine import KnowledgeBase
from bot.kb.evaluate import REDIRECT_TOPIC, load_cases
from bot.kb.lexicon import View
from bot.kb.offtopic_model import Model, features
from bot.kb.outside import Question
from bot.kb.records import EntryRecord
from tools import train_offtopic as trainer

BLIND = trainer.EVAL / "blind"


def tuned_sets() -> list[Path]:
    """The sets one may read: the old set, the probe sets, dev…dev7, the a-halves, dev14long."""
    a_halves = sorted(BLIND.glob("dev*a.toml"), key=lambda p: int(p.stem[3:-1]))
    old = [BLIND / f"{n}.toml" for n in ["dev", *(f"dev{i}" for i in range(2, 8))]]
    return [trainer.EVAL / "questions.toml", *sorted(trainer.EVAL.glob("facts_*.toml")),
            *(p for p in old if p.is_file()), *a_halves, *(p for p in [BLIND / "dev14long.toml"] if p.is_file())]


def held_out_sets() -> list[Path]:
    """The sets counted only: the b-halves, long13 and every test split."""
    b_halves = sorted(BLIND.glob("dev*b.toml"), key=lambda p: int(p.stem[3:-1]))
    tests = sorted(BLIND.glob("test*.toml"), key=lambda p: int(p.stem[4:] or 1))
    return [*b_halves, *(p for p in [BLIND / "long13.toml"] if p.is_file()), *tests]


@dataclass(frozen=True, slots=True)
class Message:
    """One evaluation message that reaches the engine: its text (never printed) and each reading the model weighs
    — the features, and whether the model can stop it (the naive Bayes leaning out, not a redirect entry)."""

    text: str
    readings: tuple[tuple[tuple[str, ...], bool], ...]


def answering(kb: KnowledgeBase) -> Callable[[str], tuple[tuple[tuple[tuple[str, ...], bool], ...], Answer]]:
    """``text → its readings and the engine's reply`` through the engine's calls of ``Outside.against`` (the KB's
    own ``outside``, patched until ``del outside.against``)."""
    outside = kb.index.outside
    assert outside is not None
    seen: list[tuple[View, EntryRecord, float]] = []
    plain = outside.against

    def recording(qv: View, top: EntryRecord, question: Question | None = None) -> tuple[float, bool, float, float]:
        found = plain(qv, top, question)
        seen.append((qv, top, found[2]))
        return found

    outside.against = recording  # type: ignore[method-assign]
    kb.measure_all = True  # the readings the runtime spares are recorded too, as before round 24 (bot.kb.engine)

    def read(text: str) -> tuple[tuple[tuple[tuple[str, ...], bool], ...], Answer]:
        seen.clear()
        reply = kb.answer(text)
        kept = {(tuple(features(qv, top)), nb >= decision.OOS_TRAINED_NB and top.entry.topic != REDIRECT_TOPIC)
                for qv, top, nb in seen}
        return tuple(sorted(kept)), reply

    return read


def _recorder(kb: KnowledgeBase) -> Callable[[str], tuple[tuple[tuple[str, ...], bool], ...]]:
    """``text → its readings`` (``answering`` without the reply)."""
    read = answering(kb)
    return lambda text: read(text)[0]


def record(kb: KnowledgeBase, paths: Sequence[Path], route: Callable[[str], str | None]) -> dict[str, list[Message]]:
    """Every message of each set with the readings the engine gives it (``Outside.against``'s calls)."""
    outside = kb.index.outside
    assert outside is not None
    read = _recorder(kb)
    found: dict[str, list[Message]] = {}
    try:
        for path in paths:
            messages = found[path.name] = []
            for case in load_cases(path):
                if case.command_only or route(case.question) is not None:
                    continue
                messages.append(Message(case.question, read(case.question)))
    finally:
        del outside.against
    return found


def engine_key(root: Path = trainer.ROOT) -> str:
    """A digest of what the readings depend on (the engine's code and content, the chat router, the evaluation
    sets): a cache recorded by another engine has another key and is never replayed."""
    digest = hashlib.sha256()
    for folder in ("bot", "content", "handlers", "tests/eval"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".toml", ".json", ".txt"):
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_path(key: str) -> Path:
    """Where ``--cache`` keeps the recorded messages (held-out texts among them): the system's temporary folder,
    never the repository, named by the engine's key."""
    return Path(tempfile.gettempdir()) / f"offtopic_swing-{key}.pkl"


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


EDIT_KINDS = ("add a phrasing", "remove a phrasing", "retitle an entry", "split off a new entry")
OPENERS = ("cho mình hỏi ", "ad ơi cho hỏi ", "xin hỏi ", "mọi người ơi ")


def edit_kb(kb: KnowledgeBase, seed: int) -> tuple[KnowledgeBase, str]:
    """One small edit of the KB drawn by ``seed`` (its kind: ``EDIT_KINDS[seed % 4]``), as a new engine over the
    same messages, out-of-scope class, intent reader and committed off-topic model; and what the edit was (an entry
    id and the kind, no text). The KB itself is not changed."""
    rng = random.Random(seed)
    kind = EDIT_KINDS[seed % len(EDIT_KINDS)]
    entries = list(kb.entries)
    phrasings = {k: list(v) for k, v in kb.phrasings.items()}
    topical = [i for i, e in enumerate(entries) if e.topic != REDIRECT_TOPIC and len(e.questions) >= 3]
    if kind == "remove a phrasing":
        who = rng.choice(sorted(k for k, v in phrasings.items() if len(v) >= 2))
        phrasings[who].pop(rng.randrange(len(phrasings[who])))
    else:
        i = rng.choice(topical)
        entry = entries[i]
        who = entry.id
        if kind == "add a phrasing":
            phrasings.setdefault(who, []).append(rng.choice(OPENERS) + rng.choice(entry.questions).rstrip("?").lower())
        elif kind == "retitle an entry":
            entries[i] = dataclasses.replace(entry, title=rng.choice([q for q in entry.questions if q != entry.title]
                                                                     or entry.questions))
        else:
            moved = rng.sample(range(len(entry.questions)), 2)
            taken = tuple(q for j, q in enumerate(entry.questions) if j in moved)
            kept = tuple(q for j, q in enumerate(entry.questions) if j not in moved)
            entries[i] = dataclasses.replace(entry, questions=kept)
            entries.insert(i + 1, dataclasses.replace(entry, id=f"{entry.id}-tach", title=taken[0], questions=taken))
    outside = kb.index.outside
    assert outside is not None
    edited = KnowledgeBase(entries, kb.messages, (), kb.path, phrasings, outside.groups, kb.intent)
    assert edited.index.outside is not None
    edited.index.outside.model = outside.model
    return edited, f"{kind}: {who}"


@dataclass(frozen=True, slots=True)
class EditRow:
    """One edit's figures on one group of sets."""

    messages: int
    reread: int  # messages the retrain votes otherwise on, read again by the edited engine
    own: int  # ... of which the edit changed their own readings (not counted as moved)
    moved: int  # ... of which the decision changed with the readings unchanged
    mean_dz: float  # mean |change of the off-topic log-odds| over the messages (readings held fixed)
    max_dz: float


def _dz(base: Model, new: Model, message: Message) -> float:
    return max((abs(new.score(names) - base.score(names)) for names, _ in message.readings), default=0.0)


def edit_swing(edited: KnowledgeBase, recorded: dict[str, list[Message]], base: Model, new: Model,
               committed: Model | None) -> dict[str, EditRow]:
    """Per set, what the retrain after one edit moved (``EditRow``)."""
    outside = edited.index.outside
    assert outside is not None
    rows = {}
    for name, messages in recorded.items():
        reread = own = moved = 0
        dz = [_dz(base, new, m) for m in messages]
        for message in messages:
            if votes(base, message) == votes(new, message):
                continue
            reread += 1
            outside.model = committed
            read = _recorder(edited)
            try:
                again = read(message.text)
            finally:
                del outside.against
            if again != message.readings:
                own += 1
                continue
            moved += decided(edited, base, message.text) != decided(edited, new, message.text)
        rows[name] = EditRow(len(messages), reread, own, moved, sum(dz) / max(1, len(dz)), max(dz, default=0.0))
    outside.model = committed
    return rows


def _edit_table(title: str, per_edit: list[dict[str, EditRow]], show: bool) -> list[str]:
    """Per set (tuned, when ``show``) and summed: messages, then over the edits the messages moved in total and
    per edit, re-read, own readings changed, mean and largest |Δ log-odds|."""
    lines = [f"{title:<16} {'messages':>9} {'moved':>6} {'/edit':>6} {'reread':>7} {'own':>5} {'mean|dz|':>9} "
             f"{'max|dz|':>8}"]
    names = list(per_edit[0])

    def row(label: str, keys: Sequence[str]) -> str:
        n = sum(per_edit[0][k].messages for k in keys)
        moved = sum(e[k].moved for e in per_edit for k in keys)
        reread = sum(e[k].reread for e in per_edit for k in keys)
        own = sum(e[k].own for e in per_edit for k in keys)
        mean = sum(e[k].mean_dz * e[k].messages for e in per_edit for k in keys) / max(1, n * len(per_edit))
        top = max(e[k].max_dz for e in per_edit for k in keys)
        return (f"{label:<16} {n:>9} {moved:>6} {moved / len(per_edit):>6.1f} {reread:>7} {own:>5} {mean:>9.4f} "
                f"{top:>8.3f}")

    if show:
        lines += [row(k, [k]) for k in names]
    lines.append(row("sum", names))
    return lines


def edit_cache(key: str, seed: int) -> Path:
    """Where ``--cache`` keeps one edit's training readings: the temporary folder, keyed by engine and seed."""
    return Path(tempfile.gettempdir()) / f"offtopic_swing-{key}-edit{seed}.pkl"


def run_edits(kb: KnowledgeBase, examples: Sequence[trainer.Example], tuned: dict[str, list[Message]],
              held: dict[str, list[Message]], route: Callable[[str], str | None], n: int, first_seed: int,
              key: str | None, show: bool, recipes: Sequence[str] = ()) -> list[str]:
    """``--edits``: per recipe (``trainer.RECIPE`` unless ``recipes``), the table of moved decisions over ``n``
    edits (seeds ``first_seed`` …); each edit's training readings are recorded once for every recipe."""
    outside = kb.index.outside
    assert outside is not None
    committed = outside.model
    recipes = list(recipes) or [trainer.RECIPE]
    saved = trainer.RECIPE

    def train(data: Sequence[trainer.Example], recipe: str) -> Model:
        trainer.RECIPE = recipe
        try:
            return Model(trainer.train(data))
        finally:
            trainer.RECIPE = saved

    bases = {r: train(examples, r) for r in recipes}
    per: dict[str, tuple[list[dict[str, EditRow]], list[dict[str, EditRow]]]] = {r: ([], []) for r in recipes}
    lines = []
    for j in range(n):
        seed = first_seed + j
        edited, what = edit_kb(kb, seed)
        cached = edit_cache(key, seed) if key is not None else None
        if cached is not None and cached.is_file():
            new_examples = pickle.loads(cached.read_bytes())
        else:
            eo = edited.index.outside
            assert eo is not None
            eo.model = None
            new_examples = trainer.collect(edited, route=route)
            eo.model = committed
            if cached is not None:
                cached.write_bytes(pickle.dumps(new_examples))
        for recipe in recipes:
            new = train(new_examples, recipe)
            per_tuned, per_held = per[recipe]
            per_tuned.append(edit_swing(edited, tuned, bases[recipe], new, committed))
            per_held.append(edit_swing(edited, held, bases[recipe], new, committed))
            t, h = (sum(r.moved for r in rows.values()) for rows in (per_tuned[-1], per_held[-1]))
            lines.append(f"edit {seed} ({what}), {recipe}: moved tuned {t}, held-out {h}")
            print(lines[-1], file=sys.stderr, flush=True)
    for recipe, (per_tuned, per_held) in per.items():
        lines += [f"recipe {recipe}:", *_edit_table("tuned", per_tuned, show),
                  *_edit_table("held-out", per_held, False)]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.offtopic_swing", description=__doc__.split("\n")[0])
    parser.add_argument("--k", type=int, default=3, help="perturbed fits of each kind")
    parser.add_argument("--drop", type=float, default=0.03, help="share of training messages a drop fit leaves out")
    parser.add_argument("--near", type=float, default=0.05, help="the band around the cut-off counted as near")
    parser.add_argument("--bag", type=int, default=trainer.BAG, help="fits averaged (the recipe measured)")
    parser.add_argument("--share", type=trainer.share_arg, default=trainer.SHARE,
                        help="share of messages each bagged fit sees")
    parser.add_argument("--l2", type=float, default=trainer.L2, help="the L2 penalty")
    parser.add_argument("--loso", action="store_true", help="also the leave-one-set-out figures of the recipe")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[decision.OOS_TRAINED],
                        help="the cut-offs --loso measures")
    parser.add_argument("--cache", action="store_true",
                        help="keep the recorded readings in the temporary folder, keyed by the engine's code")
    parser.add_argument("--sets", action="store_true", help="one line per tuned set (held-out: sums only)")
    parser.add_argument("--edits", type=int, default=0, help="measure N small KB edits instead of perturbed fits")
    parser.add_argument("--edit-seed", type=int, default=1, help="the first edit's seed")
    parser.add_argument("--recipe", choices=("optimum", "sgd"), nargs="+", default=[trainer.RECIPE],
                        help="the fit(s) measured (--edits compares several in one pass)")
    parser.add_argument("--prior", type=float, default=trainer.PRIOR, help="the optimum's L2 penalty")
    parser.add_argument("--order", choices=("text", "shuffle"), default=trainer.ORDER,
                        help="the order of the AdaGrad steps (trainer.steps)")
    args = parser.parse_args(argv)
    trainer.ORDER = args.order
    trainer.BAG, trainer.SHARE, trainer.L2 = args.bag, args.share, args.l2
    trainer.RECIPE, trainer.PRIOR = args.recipe[0], args.prior
    kb = load_kb()
    outside = kb.index.outside
    assert outside is not None
    committed = outside.model
    route = trainer._route()
    key = engine_key() if args.cache else None
    cached = cache_path(key) if key is not None else None
    if cached is not None and cached.is_file():
        examples, tuned, held = pickle.loads(cached.read_bytes())
    else:
        outside.model = None
        examples = trainer.collect(kb, route=route)
        outside.model = committed
        tuned = record(kb, tuned_sets(), route)
        held = record(kb, held_out_sets(), route)
        if cached is not None:
            cached.write_bytes(pickle.dumps((examples, tuned, held)))
    if args.edits:
        print(f"recipes: {', '.join(args.recipe)}; prior {trainer.PRIOR}, l2 {trainer.L2}; {args.edits} edits "
              f"from seed {args.edit_seed}")
        print("\n".join(run_edits(kb, examples, tuned, held, route, args.edits, args.edit_seed, key, args.sets,
                                   args.recipe)), flush=True)
        return 0
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
