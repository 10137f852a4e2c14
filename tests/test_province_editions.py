"""Province editions of the weekly digest named by today's province (issue 14 item 2): the table from today's 34
provinces to Zalo's city codes, the settings that choose old or new codes, and, over real HTTP against the
emulator, a merged province's edition reaching the followers of every province it was formed from while nobody
gets two broadcasts on one day."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, cities
from bot.digest import broadcast as digest_broadcast
from bot.infra.texts import render
from tests import digest_helpers as dh
from tests.broadcast_support import broadcast_bot, broadcasts, received, silent_followers
from tests.digest_helpers import MODERATOR, SLOT
from tests.support import BotHarness

ROOT = Path(__file__).resolve().parents[1]


def _zalo_names() -> list[str]:
    with (ROOT / "content" / "zalo_cities.toml").open("rb") as fh:
        return tomllib.load(fh)["cities"]


def test_the_code_table_is_the_2025_merger_and_uses_every_old_code_once() -> None:
    with (ROOT / "content" / "provinces.toml").open("rb") as fh:
        merger = {p["name"]: p.get("formerly", []) for p in tomllib.load(fh)["province"]}
    old_code = {cities.fold(name.replace("-", " - ")): code for code, name in enumerate(_zalo_names())}
    table = cities.table(cities.DEFAULT_FILE, "old")
    assert set(cities.provinces()) == set(merger) and len(merger) == 34
    for province, formerly in merger.items():
        own = "Thừa Thiên Huế" if province == "Huế" else province  # renamed when it became a city
        expected = {old_code[cities.fold(name)] for name in (own, *formerly)}
        assert set(table.of(province)) == expected, province
    used = sorted(code for codes in table.codes.values() for code in codes)
    assert used == list(range(64))  # each old code once; 63 (outside Vietnam) in no edition


def test_editions_are_named_by_todays_province_and_bad_names_stop_start_up(tmp_path: Path) -> None:
    settings = Settings.from_env({"DIGEST_EDITIONS": "tp ho chi minh, Huế, Hồ Chí Minh"}, load_dotenv_file=False)
    assert settings.digest_editions == ("Hồ Chí Minh", "Huế") and settings.broadcast_city_codes == "old"
    assert digest_broadcast.target(settings, "Hồ Chí Minh", []) == {"cities": "4,29,49"}
    both = digest_broadcast.target(settings, digest_broadcast.NATIONAL, ["Hồ Chí Minh", "Huế"])["cities"]
    assert sorted(int(c) for c in both.split(",")) == sorted(set(range(64)) - {4, 29, 49, 53})
    assert digest_broadcast.target(settings, digest_broadcast.NATIONAL, []) == {}  # no edition went out: all
    for raw, names in (("9", "DIGEST_EDITIONS"), ("Bình Dương", "DIGEST_EDITIONS"),
                       ("Sài Gòn xưa", "DIGEST_EDITIONS")):
        with pytest.raises(ConfigError, match=names):  # an old code, a province merged away, nonsense
            Settings.from_env({"DIGEST_EDITIONS": raw}, load_dotenv_file=False)
    with pytest.raises(ConfigError, match="BROADCAST_CITY_CODES=new"):  # no new codes are known yet
        Settings.from_env({"DIGEST_EDITIONS": "Huế", "BROADCAST_CITY_CODES": "new"}, load_dotenv_file=False)
    assert Settings.from_env({"BROADCAST_CITY_CODES": "new"}, load_dotenv_file=False).digest_editions == ()
    with pytest.raises(ConfigError, match="BROADCAST_CITY_CODES"):
        Settings.from_env({"BROADCAST_CITY_CODES": "2025"}, load_dotenv_file=False)
    twice = tmp_path / "cities.toml"
    twice.write_text('[old]\n"Hà Nội" = [9]\n"Huế" = [53, 9]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="code 9 is listed for both"):
        Settings.from_env({"ZALO_CITIES_FILE": str(twice), "DIGEST_EDITIONS": "Huế"}, load_dotenv_file=False)


def _first_story(bot: BotHarness, article_id: str) -> str:
    return bot.rt.zalo.article_detail(article_id=article_id)["body"][0]["content"]


def test_a_merged_provinces_edition_reaches_all_its_old_provinces_and_nobody_twice(bot: BotHarness) -> None:
    bot = broadcast_bot(bot, DIGEST_EDITIONS="Hồ Chí Minh")
    people = {"5400000000000000001": 29, "5400000000000000002": 49, "5400000000000000003": 4,  # Bình Dương,
              "5400000000000000004": 9, "5400000000000000005": 63}  # Bà Rịa - Vũng Tàu, HCM; Hà Nội; abroad
    silent_followers(bot, people)
    assert dh.run_digest(bot) == "started"
    sent = broadcasts(bot)
    by_cities = {tuple(b["target"]["cities"]): b for b in sent}
    assert len(sent) == 2 and (4, 29, 49) in by_cities
    national = next(b for k, b in by_cities.items() if k != (4, 29, 49))
    assert set(national["target"]["cities"]) == set(range(64)) - {4, 29, 49}
    hcm = by_cities[(4, 29, 49)]
    assert "Hồ Chí Minh" in _first_story(bot, hcm["article_ids"][0])  # its own province's story first
    bot.advance_clock(1800)  # after Zalo's review
    for user, city in people.items():
        [got] = received(bot, user)  # exactly one broadcast each on the day
        expected = hcm if city in (4, 29, 49) else national
        assert got["message_id"] == expected["message_id"], user
    assert all(b["skipped_at_cap"] == 0 for b in broadcasts(bot))
    assert dh.report(bot)["sent_broadcast"] == len(people)
    link = digest_broadcast.province_editions(bot.redis, SLOT)[0][1]
    assert f"edition     Hồ Chí Minh: {link} (accepted by Zalo, message {hcm['message_id']})" in status(bot)


def status(bot: BotHarness) -> str:
    """What an operator reads in `dxbot digest status`."""
    return subprocess.run([sys.executable, "-m", "bot.cli", "digest", "status", "--slot", SLOT],
                          env={**os.environ, **bot.env}, capture_output=True, text=True, timeout=60,
                          check=True).stdout


def test_digest_status_says_why_the_broadcast_was_not_sent(bot: BotHarness) -> None:
    bot = broadcast_bot(bot)
    bot.emulator("POST", "/config", json={"broadcast_oa_monthly": 0})  # Zalo says the quota is spent
    silent_followers(bot, {"5600000000000000001": 9})
    assert dh.run_digest(bot) == "started"
    assert "broadcast   quota: not sent: the OA's broadcast quota for this month is spent; subscribers got the " \
           "per-user path (quota left this month 0/" in status(bot)


def test_new_codes_are_used_when_zalo_recoded(bot: BotHarness, tmp_path: Path) -> None:
    """BROADCAST_CITY_CODES=new with a table of Zalo's new codes (here made up: province n → code n)."""
    names = [*cities.provinces(), cities.abroad()]
    old = cities.table(cities.DEFAULT_FILE, "old")
    table = tmp_path / "zalo_cities.toml"
    table.write_text(f'abroad = "{cities.abroad()}"\n[old]\n' + "".join(f'"{n}" = {list(old.of(n))}\n' for n in names)
                     + "[new]\n" + "".join(f'"{n}" = [{i}]\n' for i, n in enumerate(names)), encoding="utf-8")
    lam_dong = names.index("Lâm Đồng")
    bot = broadcast_bot(bot, DIGEST_EDITIONS="Lâm Đồng", BROADCAST_CITY_CODES="new", ZALO_CITIES_FILE=str(table))
    silent_followers(bot, {"5500000000000000001": lam_dong, "5500000000000000002": names.index("Hà Nội"),
                     "5500000000000000003": names.index(cities.abroad())})
    assert dh.run_digest(bot) == "started"
    sent = broadcasts(bot)
    assert sorted(tuple(b["target"]["cities"]) for b in sent) == sorted(
        [(lam_dong,), tuple(c for c in range(len(names)) if c != lam_dong)])
    bot.advance_clock(1800)
    [edition] = received(bot, "5500000000000000001")
    assert "Lâm Đồng" in edition["attachment"]["payload"]["elements"][0]["title"]
    assert all(len(received(bot, u)) == 1 for u in ("5500000000000000002", "5500000000000000003"))


def report_text(bot: BotHarness) -> str:
    [text] = [t for t in bot.replies(MODERATOR) if t.startswith("Báo cáo bản tin tuần")]
    return text


def test_a_quota_that_covers_only_the_national_edition_sends_it_to_everyone(bot: BotHarness) -> None:
    bot = broadcast_bot(bot, DIGEST_EDITIONS="Hồ Chí Minh, Huế", BROADCAST_OA_MONTHLY="2")  # 3 editions, 2 left
    people = {"5900000000000000001": 29, "5900000000000000002": 53, "5900000000000000003": 9}
    silent_followers(bot, people)
    assert dh.run_digest(bot) == "started"
    [sent] = broadcasts(bot)
    assert sent["target"] == {}  # the national edition, to every follower
    bot.advance_clock(1800)
    assert all(len(received(bot, user)) == 1 for user in people)
    assert render("digest_mod_broadcast_editions_dropped", dropped=2) in report_text(bot)


def test_a_province_edition_zalo_refuses_is_covered_by_the_national_one(bot: BotHarness) -> None:
    bot = broadcast_bot(bot, DIGEST_EDITIONS="Hồ Chí Minh")
    people = {"5900000000000000011": 29, "5900000000000000012": 9}
    silent_followers(bot, people)
    bot.fault(kind="zalo_error", error=-201, count=1, path="/v2.0/oa/message")  # the province edition goes first
    assert dh.run_digest(bot) == "started"
    [sent] = broadcasts(bot)
    assert sent["target"] == {}  # no province edition went out: the national one targets everyone
    bot.advance_clock(1800)
    assert all(len(received(bot, user)) == 1 for user in people)
    assert render("digest_mod_broadcast_edition_refused", provinces="Hồ Chí Minh") in report_text(bot)
