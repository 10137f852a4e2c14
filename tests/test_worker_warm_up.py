"""A `dxbot worker` builds the reply path's tables before its first job (handlers/warm.py).

Session 16's `bench_latency` p99 (19 → 767 ms) was the first question after the worker started: the plain-word
commands' phrase table (content/intents.toml, 0.7 s of CPU) and the small-talk, address, place and country tables were
read inside that drain job, while its reply and the events queued behind it waited. The behaviour checked here, not
its time: while a real worker process drains its first jobs (a question, a plain-word command, small talk, a place,
a long letter, a keyword command), no file of content/ is opened. An audit hook, installed in the worker by a
`sitecustomize` module, records every content file opened with `drain_user` on the stack.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support import BotHarness, wait_for

ROOT = Path(__file__).resolve().parents[1]
# what citizens send first after a deploy; none of them is one of handlers/warm.py's own samples
FIRST_MESSAGES = [
    "vneid muc 2 dang ky o dau",
    "thôi khỏi nhắn bản tin cho tôi nha",
    "cảm ơn ad nhiều",
    "ở Cần Thơ làm căn cước ở đâu",
    "Dạ cháu chào kênh. Bà nội cháu ở quê muốn hỏi: ngày chuyển đổi số quốc gia là ngày nào? Cháu cảm ơn ạ",
    "đăng ký nhận bản tin Đà Nẵng",
    "Người Đức bắt đầu chuyển đổi số từ năm nào",
]
HOOK = '''
import os, sys

_OUT = os.environ["DXBOT_TEST_OPENED"]
_CONTENT = os.path.join(os.environ["DXBOT_TEST_ROOT"], "content") + os.sep


def _in_drain_job():
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == "drain_user":
            return True
        frame = frame.f_back
    return False


def _hook(event, args):
    if event != "open" or not isinstance(args[0], (str, os.PathLike)):
        return
    path = os.fspath(args[0])
    if isinstance(path, str) and path.startswith(_CONTENT) and _in_drain_job():
        with open(_OUT, "a", encoding="utf-8") as out:
            out.write(os.path.relpath(path, os.environ["DXBOT_TEST_ROOT"]) + "\\n")


sys.addaudithook(_hook)
'''


def test_a_workers_first_jobs_read_no_content_file(bot: BotHarness, tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    opened = tmp_path / "opened.txt"
    users = [f"66666666666666666{n:02d}" for n in range(len(FIRST_MESSAGES))]
    for user, text in zip(users, FIRST_MESSAGES, strict=True):
        bot.send(user, text)
    env = {**os.environ, **bot.env, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}", "DXBOT_TEST_ROOT": str(ROOT),
           "DXBOT_TEST_OPENED": str(opened)}
    worker = subprocess.run([sys.executable, "-m", "bot.cli", "worker", "--burst"], env=env, cwd=ROOT,
                            capture_output=True, timeout=300)
    assert worker.returncode == 0, worker.stderr.decode()[-2000:]
    wait_for(lambda: all(bot.replies(user) for user in users), 10, "a reply to every first message")
    assert not opened.exists(), f"read by the first jobs: {sorted(set(opened.read_text().split()))}"
