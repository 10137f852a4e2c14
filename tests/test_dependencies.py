"""Dependencies: every installed package pinned in constraints.txt, and the audit gate's verdicts."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from tools.audit_deps import judge

ROOT = Path(__file__).resolve().parents[1]
NOT_PINNED = {"dxbot", "pip", "setuptools", "wheel"}  # the project itself and the installer's own tools


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _constraints() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not pinned with =="
            pins[_norm(name)] = version.strip()
    return pins


def test_every_installed_package_is_pinned_at_its_installed_version() -> None:
    pins = _constraints()
    installed = {_norm(d.metadata["Name"]): d.version for d in metadata.distributions()}
    unpinned = sorted(n for n in installed if n not in pins and n not in NOT_PINNED)
    drift = sorted(f"{n} {v} (pinned {pins[n]})" for n, v in installed.items() if n in pins and pins[n] != v)
    assert not unpinned, f"installed but not in constraints.txt: {unpinned}"
    assert not drift, f"installed version differs from constraints.txt: {drift}"


def test_pip_audit_is_a_pinned_test_extra() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    assert any(re.fullmatch(r"pip-audit==[\d.]+", e.split("#")[0].strip()) for e in extras)
    assert metadata.version("pip-audit") == _constraints()["pip-audit"]
    assert "tools.audit_deps" in (ROOT / "Makefile").read_text()


def _dep(name: str, *vulns: str) -> dict:
    return {"name": name, "version": "1.0", "vulns": [{"id": v, "fix_versions": ["1.1"]} for v in vulns]}


def test_a_found_vulnerability_fails_the_build() -> None:
    verdict = judge({"dependencies": [_dep("flask"), _dep("werkzeug", "GHSA-xxxx-yyyy-zzzz"),
                                      {"name": "rq", "skip_reason": "Dependency not found on PyPI"}]})
    assert verdict.exit_code == 1
    assert "werkzeug 1.0: GHSA-xxxx-yyyy-zzzz (fixed in: 1.1)" in "\n".join(verdict.lines)


def test_unreachable_vulnerability_data_warns_without_failing() -> None:
    skipped = [{"name": f"p{i}", "skip_reason": f"Dependency not found on PyPI and could not be audited: p{i}"}
               for i in range(10)]
    offline = judge({"dependencies": skipped})
    crashed = judge(None, error="ConnectionError: pypi.org unreachable")
    assert offline.exit_code == 0 and offline.lines[0].startswith("WARNING") and "10 of 10" in offline.lines[0]
    assert crashed.exit_code == 0 and crashed.lines[0].startswith("WARNING") and "ConnectionError" in crashed.lines[0]
    clean = judge({"dependencies": [_dep("flask"), _dep("rq")]})
    assert clean.exit_code == 0 and not clean.lines[0].startswith("WARNING")
