"""The phase-B moves of issue 11 as one mechanical step: `python -m tools.arch_moves [--dry-run]`.

Moves each module with `git mv` and rewrites every import of it (and every dotted string naming it) in
bot/, handlers/, workers/, tests/, benchmarks/ and tools/. `from bot import a, b` lines are split per new
home. The RQ job entry points in workers/ keep their dotted paths (jobs stored in Redis name them): where
their code moves into a feature, workers/ keeps a thin module re-exporting the job functions.
Kept as the record of what moved where (docs/architecture.md); running it twice does nothing.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MOVES: dict[str, str] = {
    # core: an event's way from the webhook to Zalo
    "bot.events": "bot.core.events",
    "bot.webhook": "bot.core.webhook",
    "bot.queues": "bot.core.ingest",
    "bot.lease": "bot.core.lease",
    "bot.context": "bot.core.context",
    "bot.routing": "bot.core.routing",
    "bot.outbox": "bot.core.outbox",
    "bot.notify": "bot.core.notify",
    "bot.message_forms": "bot.core.message_forms",
    "bot.refused_forms": "bot.core.refused_forms",
    "bot.runtime": "bot.core.runtime",
    "bot.sweeper": "bot.core.sweeper",
    "workers.maintenance": "bot.maintenance",  # not an RQ job: the periodic pass `dxbot scheduler` runs
    "workers.events": "bot.core.drain",
    # zalo: the channel (its webhook MAC included; the emulator signs with it too)
    "bot.signature": "bot.zalo.signature",
    # infra: shared services that know no conversation
    "bot.keys": "bot.infra.keys",
    "bot.scripts": "bot.infra.scripts",
    "bot.redis_conn": "bot.infra.redis_conn",
    "bot.metrics": "bot.infra.metrics",
    "bot.logs": "bot.infra.logs",
    "bot.clock": "bot.infra.clock",
    "bot.audit": "bot.infra.audit",
    "bot.texts": "bot.infra.texts",
    "bot.safe_text": "bot.infra.safe_text",
    "bot.provinces": "bot.infra.provinces",
    # stories: reader stories, their screening and moderation
    "bot.stories": "bot.stories.model",
    "bot.screening": "bot.stories.screening",
    "bot.pii": "bot.stories.pii",
    "bot.media": "bot.stories.media",
    "workers.moderation": "bot.stories.jobs",
    # digest: the weekly digest
    "bot.subscribers": "bot.digest.subscribers",
    "bot.digest_inbox": "bot.digest.inbox",
    "bot.digest_compose": "bot.digest.compose",
    "bot.digest_stories": "bot.digest.stories",
    "bot.digest_cli": "bot.digest.cli",
    "workers.digest": "bot.digest.fanout",
    "workers.digest_delivery": "bot.digest.delivery",
    "workers.digest_schedule": "bot.digest.schedule",
}
# workers/ modules whose dotted paths RQ jobs name: thin re-exports of the moved job functions.
WORKER_ALIASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "workers.events": ("bot.core.drain", ("drain_user",)),
    "workers.moderation": ("bot.stories.jobs", ("download_media", "purge_media", "screen_story")),
    "workers.digest": ("bot.digest.fanout", ("fanout_chunk", "fire", "preview")),
}
PACKAGES = {
    "bot.core": "The core: an event's way from the webhook to Zalo. It knows no feature; features register with it.",
    "bot.infra": "Shared services that know no conversation: Redis keys and connection, metrics, logs, clock, "
                 "audit, texts.",
    "bot.stories": "Reader stories: the model, screening, personal-data masking and the moderation jobs.",
    "bot.digest": "The weekly digest: subscribers, composition, schedule, fan-out and delivery.",
}
TREES = ("bot", "handlers", "workers", "tests", "benchmarks", "tools")


def path_of(module: str, *, package: bool = False) -> Path:
    parts = module.split(".")
    return ROOT.joinpath(*parts, "__init__.py") if package else ROOT.joinpath(*parts[:-1], parts[-1] + ".py")


def rewrite(text: str) -> str:
    """Every import of a moved module, and every string naming one, pointed at its new home."""
    for old, new in sorted(MOVES.items(), key=lambda kv: -len(kv[0])):
        package = ROOT.joinpath(*old.split("."))  # bot.stories is now a package: `from bot.stories import pii`
        text = re.sub(rf"\bfrom {re.escape(old)} import ([\w, ]+)",  # names its modules, not the old module's
                      lambda m, old=old, new=new, package=package: m.group(0) if all(
                          (package / f"{n.split(' as ')[0].strip()}.py").exists() for n in m.group(1).split(","))
                      else f"from {new} import {m.group(1)}", text)
        text = re.sub(rf"(?m)^(\s*)import {re.escape(old)}$", rf"\1import {new}", text)
        text = re.sub(rf"([\"']){re.escape(old)}([\"':])", rf"\g<1>{new}\g<2>", text)
    return re.sub(r"(?m)^(\s*)from (bot|workers) import ([\w, ]+?)(\s*#.*)?$", _split_from, text)


def _split_from(match: re.Match[str]) -> str:
    indent, parent, names, comment = match.group(1), match.group(2), match.group(3), match.group(4) or ""
    groups: dict[str, list[str]] = {}
    for item in (n.strip() for n in names.split(",") if n.strip()):
        name, _, alias = item.partition(" as ")
        target = MOVES.get(f"{parent}.{name.strip()}")
        if target is None:
            groups.setdefault(parent, []).append(item)
            continue
        home, _, leaf = target.rpartition(".")
        shown = alias.strip() or name.strip()
        groups.setdefault(home, []).append(leaf if leaf == shown else f"{leaf} as {shown}")
    lines = [f"{indent}from {home} import {', '.join(items)}" for home, items in groups.items()]
    return "\n".join(lines) + comment if len(lines) == 1 else "\n".join(lines)


def git(*args: str) -> None:
    subprocess.run(["git", *args], cwd=ROOT, check=True)


def main(argv: list[str]) -> int:
    dry = "--dry-run" in argv
    for package, doc in PACKAGES.items():
        init = path_of(package, package=True)
        if not init.exists() and not dry:
            init.parent.mkdir(parents=True, exist_ok=True)
            init.write_text(f'"""{doc}"""\n')
            git("add", str(init.relative_to(ROOT)))
    moved = []
    for old, new in MOVES.items():
        src, dst = path_of(old), path_of(new)
        if src.exists() and not dst.exists():
            print(f"git mv {src.relative_to(ROOT)} {dst.relative_to(ROOT)}")
            if not dry:
                git("mv", str(src.relative_to(ROOT)), str(dst.relative_to(ROOT)))
                moved.append((dst, new.count(".") - old.count(".")))
    if dry:
        return 0
    for dst, depth in moved:  # a file one package deeper finds content/ one parent further up
        dst.write_text(re.sub(r"Path\(__file__\)\.resolve\(\)\.parents\[(\d)\]",
                              lambda m, d=depth: f"Path(__file__).resolve().parents[{int(m.group(1)) + d}]",
                              dst.read_text()))
    for tree in TREES:
        for file in sorted((ROOT / tree).rglob("*.py")):
            if file.name == "arch_moves.py":
                continue
            before = file.read_text()
            after = rewrite(before)
            if after != before:
                file.write_text(after)
    for module, (home, names) in WORKER_ALIASES.items():
        alias = path_of(module)
        if not alias.exists():
            alias.write_text(
                f'"""RQ entry point: jobs stored in Redis name `{module}.<function>`; the code is in `{home}`."""'
                f"\n\nfrom {home} import {', '.join(names)}\n\n__all__ = {list(names)!r}\n".replace("'", '"'))
            git("add", str(alias.relative_to(ROOT)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
