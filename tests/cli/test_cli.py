"""The command line: output for scripts, and one-line errors for user mistakes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from botox_chart.cli import main
from tests.helpers import raw


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_protocol_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "protocol", "--json")
    assert code == 0
    document = json.loads(out)
    assert document["total_units"] == 155
    assert document["max_total_units"] == 195
    assert len(document["sites"]) == 31
    assert document["sites"][0] == {
        "code": "COR-R",
        "muscle": "corrugator",
        "side": "right",
        "units": 5,
    }
    assert {s["side"] for s in document["sites"]} == {"left", "right", "midline"}
    assert document["follow_the_pain"] == [
        {"muscle": "temporalis", "max_extra_units": 10, "max_extra_sites": 2},
        {"muscle": "occipitalis", "max_extra_units": 10, "max_extra_sites": 2},
        {"muscle": "trapezius", "max_extra_units": 20, "max_extra_sites": 4},
    ]


def test_protocol_table_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "protocol")
    assert code == 0
    assert "Temporalis" in out and "up to +10 U (+2 sites)" in out
    assert "Total" in out and "155" in out and "195 U" in out


def test_demo_data_then_sessions_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    code, out, _ = run(capsys, "demo-data", "--patients", "12", "--seed", "3", "--db", db)
    assert code == 0
    assert "Added 12 patients" in out
    assert "Sign in as souza (physician)" in out and "demo-password" in out
    code, out, _ = run(capsys, "sessions", "--json", "--db", db)
    sessions = json.loads(out)
    assert code == 0 and len(sessions) >= 12
    first = sessions[0]
    assert {"id", "patient", "date", "status", "total_units", "sites"} <= set(first)
    assert all(s["status"] == "signed" for s in sessions)
    assert all(155 <= s["total_units"] <= 195 or s["total_units"] == 145 for s in sessions)
    dates = [s["date"] for s in sessions]
    assert dates == sorted(dates, reverse=True)
    name = first["patient"].split(",")[0]
    code, out, _ = run(capsys, "sessions", "--patient", name, "--db", db)
    assert code == 0 and name in out


def test_demo_data_is_the_same_for_the_same_seed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outputs = []
    for name in ("a", "b"):
        db = str(tmp_path / f"{name}.sqlite3")
        main(["demo-data", "--patients", "5", "--seed", "9", "--db", db])
        capsys.readouterr()
        main(["sessions", "--json", "--db", db])
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]


def test_demo_data_never_mixes_into_a_database_with_patients(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "clinic.sqlite3")
    run(capsys, "demo-data", "--patients", "2", "--db", db)
    code, _, err = run(capsys, "demo-data", "--patients", "2", "--db", db)
    assert code == 1
    assert "not a new, empty database" in err
    assert len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as refused:  # no way to mix, on purpose
        main(["demo-data", "--patients", "2", "--force", "--db", db])
    assert refused.value.code == 2
    assert "unrecognized arguments: --force" in capsys.readouterr().err


def test_db_from_the_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("BOTOX_CHART_DB", str(db))
    code, out, _ = run(capsys, "demo-data", "--patients", "1")
    assert code == 0 and str(db) in out
    code, out, _ = run(capsys, "sessions", "--patient", "no such patient")
    assert code == 0 and out.strip() == "No sessions."


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sessions", "--db", "nosuchdb://x/y"], "No database driver"),
        (["sessions", "--db", "://nowhere"], "not a database URL"),
        (["sessions", "--db", "postgresql://u@host:port/db"], "not a database URL"),
        (["sessions", "--db", "{tmp}/notadb.txt"], "not a botox-chart database"),
    ],
)
def test_user_mistakes_are_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    (tmp_path / "notadb.txt").write_text("hello, not a database\n")
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert out == ""
    assert message in err
    assert err.startswith("botox-chart: ") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_file_name_with_control_characters_stays_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "demo-data", "--patients", "1", "--db", str(tmp_path / "x.db"))
    code, _, err = run(capsys, "restore", "bad\rname\n.sqlite3", "--db", str(tmp_path / "x.db"))
    assert code == 1
    assert err == "botox-chart: Cannot read bad\\rname\\n.sqlite3: No such file or directory.\n"


def test_bad_arguments_exit_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["demo-data", "--patients", "0"])
    assert exited.value.code == 2
    assert "0 must be 1 or more" in capsys.readouterr().err


# -- inputs bounded, output on one line (issue 9, item 6) ----------------------------------------


def test_a_search_longer_than_any_name_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "clinic.sqlite3")
    run(capsys, "demo-data", "--patients", "1", "--db", db)
    code, out, err = run(capsys, "sessions", "--patient", "x" * 60_000, "--db", db)
    assert code == 1 and out == ""
    assert err == "botox-chart: The search text is too long (60000 characters; at most 200).\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["note", str(2**63)], f"{2**63} is too large (at most {2**63 - 1})"),
        (["record", "99999999999999999999999"], "is too large"),
        (["demo-data", "--patients", "99999999999"], "is too large (at most 100000)"),
    ],
)
def test_numbers_beyond_the_bounds_are_usage_errors_not_tracebacks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    db = tmp_path / "clinic.sqlite3"
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--db", str(db)])
    assert exited.value.code == 2  # like every argument error: usage, then the reason
    err = capsys.readouterr().err
    assert err.startswith("usage: botox-chart ")
    assert message in err.strip().splitlines()[-1]
    assert "Traceback" not in err
    assert not db.exists()  # refused before the database was opened


def test_the_largest_id_is_looked_up_like_any_other(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "clinic.sqlite3")
    run(capsys, "demo-data", "--patients", "1", "--db", db)
    code, _, err = run(capsys, "note", str(2**63 - 1), "-o", str(tmp_path / "n.pdf"), "--db", db)
    assert code == 1
    assert err == f"botox-chart: There is no session {2**63 - 1}.\n"


def test_names_stored_with_control_characters_are_printed_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Rows written before the store refused such names (or by another program) still list."""
    db = tmp_path / "clinic.sqlite3"
    run(capsys, "demo-data", "--patients", "1", "--db", str(db))
    with raw.connect(db) as conn:
        conn.execute("UPDATE patient SET family_name = 'Evil' || char(27) || '[2J' || char(8238)")
    conn.close()
    code, out, _ = run(capsys, "sessions", "--db", str(db))
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out
    assert "Evil\\x1b[2J\\u202e," in out
    code, out, _ = run(capsys, "sessions", "--json", "--db", str(db))
    assert "\x1b" not in out and "\u202e" not in out
    assert json.loads(out)[0]["patient"].startswith("Evil\x1b[2J\u202e,")
