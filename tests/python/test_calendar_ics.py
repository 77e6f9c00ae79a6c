# SPDX-License-Identifier: EUPL-1.2
"""The cycle calendar's iCalendar output read by a parser other than ours (icalendar).

Runs `passend calendar --year 2025-2026 --plan plans/demo-plan.json --format ics` and checks the
RFC 5545 framing (CRLF, 75-octet folding, unique UIDs, DTSTAMP) and hand-checked dates of region
Zuid's school year 2025-2026 (see docs/quality-cycle.md for the holiday dates used).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections import defaultdict
from pathlib import Path

import icalendar  # python/requirements-dev.txt
import pytest

ROOT = Path(__file__).resolve().parents[2]


def passend_cli() -> Path:
    env = os.environ.get("PASSEND_CLI")
    if env:
        return Path(env)
    for preset in ("default", "asan", "release"):
        exe = ROOT / "build" / preset / "passend"
        if exe.exists():
            return exe
    pytest.fail("passend CLI not built: run scripts/build.sh or set PASSEND_CLI")


@pytest.fixture(scope="module")
def ics_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("cal") / "demo.ics"
    subprocess.run(
        [str(passend_cli()), "calendar", "--year", "2025-2026", "--plan",
         str(ROOT / "plans" / "demo-plan.json"), "--out", str(out)],
        check=True, capture_output=True)
    return out.read_bytes()


@pytest.fixture(scope="module")
def events(ics_bytes: bytes) -> list:
    cal = icalendar.Calendar.from_ical(ics_bytes)
    return list(cal.walk("VEVENT"))


def test_rfc5545_framing(ics_bytes: bytes) -> None:
    assert ics_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    assert ics_bytes.endswith(b"END:VCALENDAR\r\n")
    lines = ics_bytes.split(b"\r\n")
    assert b"\n" not in b"".join(lines), "every line ends with CRLF"
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines), "long lines are folded"
    ics_bytes.decode("utf-8")  # folding never splits a UTF-8 character


def test_every_event_has_uid_and_stamp(events: list) -> None:
    assert len(events) == 35  # 15 activities of Bijlage 1 + 20 forum meetings
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    for e in events:
        assert isinstance(e.decoded("DTSTAMP"), dt.datetime)
        assert isinstance(e.decoded("DTSTART"), dt.date)
        assert e.decoded("DTEND") > e.decoded("DTSTART")


def meetings(events: list) -> dict[str, list[dt.date]]:
    by_forum: dict[str, list[dt.date]] = defaultdict(list)
    for e in events:
        if str(e["CATEGORIES"].to_ical().decode()) == "Overleg":
            by_forum[str(e["SUMMARY"])].append(e.decoded("DTSTART"))
    return {k: sorted(v) for k, v in by_forum.items()}


def test_forum_dates_hand_checked(events: list) -> None:
    d = dt.date
    m = meetings(events)
    # First working day of the month; January 1-4 are in the Christmas holiday.
    assert m["Bestuur (SWV)"] == [d(2025, 9, 1), d(2025, 12, 1), d(2026, 1, 5), d(2026, 4, 1),
                                  d(2026, 6, 1)]
    assert m["ALV (SWV)"] == [d(2025, 12, 1), d(2026, 6, 1)]
    # Every six weeks from the first school day (18 Aug 2025); 22 Dec moves past the Christmas
    # holiday, 27 Apr past the May holiday, 20 Jul falls in the summer holiday and is dropped.
    assert m["ZOCO/IB-overleg (SWV)"] == [
        d(2025, 8, 18), d(2025, 9, 29), d(2025, 11, 10), d(2026, 1, 5), d(2026, 2, 2),
        d(2026, 3, 16), d(2026, 5, 4), d(2026, 6, 8)]
    # The second Tuesday of October, February and May.
    assert m["Directeurenoverleg S(B)O (Besturen)"] == [d(2025, 10, 14), d(2026, 2, 10),
                                                         d(2026, 5, 12)]


def test_bijlage_1_dates_hand_checked(events: list) -> None:
    d = dt.date
    span = {str(e["SUMMARY"]): (e.decoded("DTSTART"), e.decoded("DTEND")) for e in events}
    # DTEND is exclusive: the day after the last working day.
    assert span["Het swv voert voorjaarsgesprekken op alle scholen met de POS gespreksrapporten"] \
        == (d(2026, 5, 4), d(2026, 7, 1))
    assert span["Het swv levert budgetten aan voor het volgend schooljaar"] == (
        d(2026, 3, 30), d(2026, 4, 25))
    assert span["Het Jaarplan SWV lopend schooljaar wordt besproken in het bestuur swv"] == (
        d(2026, 1, 5), d(2026, 2, 28))
    assert span["Het swv heeft het Jaarplan SWV komend schooljaar in concept gereed"] == (
        d(2026, 7, 1), d(2026, 7, 11))
    assert span["Alle scholen mailen het SOP in pdf naar het swv"] == (
        d(2025, 11, 3), d(2025, 11, 29))


def test_text_survives_escaping(events: list) -> None:
    zoco = next(e for e in events if str(e["SUMMARY"]) == "ZOCO/IB-overleg (SWV)")
    desc = str(zoco["DESCRIPTION"])
    assert "Casuïstiek en werkafspraken" in desc
    assert "Wanneer: Elke 6 weken\n" in desc
    bestuur = next(e for e in events if str(e["SUMMARY"]) == "Bestuur (SWV)")
    assert "5x/jaar (sep, dec, jan, apr, jun)" in str(bestuur["DESCRIPTION"])
    assert "; Plaatsing in een gespecialiseerde voorziening" in str(bestuur["DESCRIPTION"])
