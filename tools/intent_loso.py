"""Leave-one-set-out figures of the intent reader: each tuning set measured by a model that never saw it.

    python -m tools.intent_loso                       # every set: questions, dev, dev2, … dev7
    python -m tools.intent_loso dev3 dev7             # only these
    python -m tools.intent_loso --none                # the same sets with no intent reader (the engine alone)
    python -m tools.intent_loso --failures dev        # and every miss (``kb eval --failures``)

Why: the reader is trained on the dev questions (``content/intent_examples.toml``), so ``dxbot kb eval`` of a dev
set with the committed model measures questions it learned. Here, for each set, a model is trained without that
set's examples (``tools.intent_train``, the same code and rounding as the committed one), put in place of the
committed model, and the set is scored by ``bot.kb.evaluate`` through the real command routes, as ``kb eval`` does.
The runtime never does this: it only loads ``content/intent_model.tsv``.
"""

from __future__ import annotations

import sys

from bot.kb import load_kb
from bot.kb.evaluate import evaluate, load_cases
from handlers.probe import router_probe
from tools.intent_data import SETS, set_name
from tools.intent_train import examples, labels, train


def main(argv: list[str]) -> int:
    none, failures = "--none" in argv, "--failures" in argv
    names = [a for a in argv if not a.startswith("--")]
    paths = [p for p in SETS if not names or set_name(p) in names]
    if names and len(paths) != len(names):
        print(f"usage: python -m tools.intent_loso [--none] [{' '.join(set_name(p) for p in SETS)}]",
              file=sys.stderr)
        return 2
    kb = load_kb()
    route = router_probe()
    order = labels(kb)
    for path in paths:
        # a measurement-only swap of the shared KB's reader (the runtime's KB is never changed after loading)
        kb.intent = None if none else train(examples(kb, [set_name(path)]), order)
        print(f"== {path.name} ({'no intent reader' if none else 'reader trained without it'})")
        report = evaluate(kb, load_cases(path), route)
        print(report.format().splitlines()[-1])
        if failures:
            print("\n".join(report.failures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
