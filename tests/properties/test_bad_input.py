"""Generated input against the chart rules, the store and the command line.

Whatever is typed or passed: no crash, a clear error for what is invalid, and nothing already
charted or stored is changed by a rejected input.
"""

from __future__ import annotations

import contextlib
import os
import string
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from botox_chart import protocol
from botox_chart.chart import Chart, ChartError, parse_units
from botox_chart.cli import main
from botox_chart.protocol import Point
from botox_chart.store import open_database, patients, sessions, transaction
from botox_chart.store.models import Patient
from tests.helpers.factories import ready_chart

PREEMPT = protocol.load_named()
SITE_CODES = [s.code for s in PREEMPT.sites]
MUSCLES = [m.code for m in PREEMPT.muscles]
SHARED = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

doses = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-1000, max_value=1000),
    st.text(max_size=12),
    st.sampled_from(["5", "7.5", "2,5", "5 U", "0", "-1", "1e3", "NaN", "inf", "", " "]),
)
points = st.builds(
    Point,
    st.sampled_from(["front", "left", "right", "back"]),
    st.floats(0, 400),
    st.floats(0, 500),
)
sides = st.sampled_from(["left", "right"])
operations = st.one_of(
    st.tuples(st.just("apply")),
    st.tuples(st.just("mark"), st.sampled_from(SITE_CODES)),
    st.tuples(st.just("unmark"), st.sampled_from(SITE_CODES)),
    st.tuples(st.just("omit"), st.sampled_from(SITE_CODES), st.text(max_size=8)),
    st.tuples(st.just("units"), st.sampled_from([*SITE_CODES, "FTP-1", "X-1"]), doses),
    st.tuples(st.just("ftp"), st.sampled_from([*MUSCLES, "masseter"]), sides, points, doses),
    st.tuples(st.just("custom"), st.text(max_size=10), st.text(max_size=10), points, doses),
)


def perform(chart: Chart, op: tuple[object, ...]) -> None:
    name, *args = op
    if name == "apply":
        chart.apply_protocol()
    elif name == "mark":
        chart.mark(*args)  # type: ignore[arg-type]
    elif name == "unmark":
        chart.unmark(*args)  # type: ignore[arg-type]
    elif name == "omit":
        chart.omit(*args)  # type: ignore[arg-type]
    elif name == "units":
        chart.set_units(*args)  # type: ignore[arg-type]
    elif name == "ftp":
        chart.add_follow_the_pain(*args)  # type: ignore[arg-type]
    else:
        label, muscle, point, dose = args
        chart.add_custom(label, muscle, "left", point, dose)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.lists(operations, max_size=25))
def test_any_sequence_of_charting_actions_keeps_the_chart_sound(
    ops: list[tuple[object, ...]],
) -> None:
    chart = Chart(protocol=PREEMPT, date_of_service=date(2026, 11, 2))
    for op in ops:
        before = chart.copy()
        try:
            perform(chart, op)
        except ChartError as err:
            assert str(err)  # a message for the user
            assert chart == before, f"{op} was refused but changed the chart"
        totals = chart.totals()
        assert totals.total == sum(i.units for i in chart.injections)
        assert all(i.units > 0 for i in chart.injections)
        assert len({i.key for i in chart.injections}) == len(chart.injections)
        for muscle in PREEMPT.muscles:
            assert totals.follow_the_pain_sites.get(muscle.code, 0) <= muscle.max_extra_sites
            assert totals.follow_the_pain_units.get(muscle.code, 0) <= muscle.max_extra_units
        assert not any(chart.injection_at(code) for code in chart.omissions)
        chart.findings()
        chart.deviations()


@settings(max_examples=300, deadline=None)
@given(doses)
def test_a_dose_is_either_sensible_or_a_clear_error(dose: object) -> None:
    try:
        units = parse_units(dose)
    except ChartError as err:
        assert " U" in str(err) or "number" in str(err)
    else:
        assert units.is_finite() and Decimal(0) < units <= 50
        assert units == units.quantize(Decimal("0.1"))


@pytest.fixture(scope="module")
def shared_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_database(str(tmp_path_factory.mktemp("prop") / "prop.sqlite3"))
    yield engine
    engine.dispose()


_chart_numbers = count(1)
names = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=130)


@SHARED
@given(
    family=names,
    given_names=names,
    chart_number=st.text(alphabet=string.ascii_letters + string.digits + "-/ ", max_size=45),
    born=st.dates(min_value=date(1850, 1, 1), max_value=date(2100, 1, 1)),
)
def test_patients_are_stored_exactly_or_refused_without_a_trace(
    shared_engine: Engine, family: str, given_names: str, chart_number: str, born: date
) -> None:
    with transaction(shared_engine) as db:
        before = patients.summaries(db)
    details = Patient(
        family_name=family, given_names=given_names, date_of_birth=born, chart_number=chart_number
    )
    try:
        with transaction(shared_engine) as db:
            added = patients.add(db, patient=details)
    except patients.PatientError as err:
        assert str(err)
        with transaction(shared_engine) as db:
            assert patients.summaries(db) == before
    else:
        with transaction(shared_engine) as db:
            stored = patients.get(db, patient_id=added.id)
        assert (stored.family_name, stored.given_names) == (family.strip(), given_names.strip())
        assert stored.date_of_birth == born


@SHARED
@given(dose=doses, lot=st.text(max_size=60))
def test_a_rejected_edit_leaves_the_stored_draft_unchanged(
    shared_engine: Engine, dose: object, lot: str
) -> None:
    with transaction(shared_engine) as db:
        patient = patients.add(
            db,
            patient=Patient(
                family_name="Prop",
                given_names="Test",
                date_of_birth=date(1970, 1, 1),
                chart_number=f"PROP-{next(_chart_numbers)}",
            ),
        )
        row = sessions.create_draft(
            db, patient_id=patient.id, injector_id=None, chart=ready_chart()
        )
    chart = ready_chart()
    try:
        chart.set_units("TEM-R1", dose)
        chart.lot_number = lot
        with transaction(shared_engine) as db:
            sessions.save_draft(db, session_id=row.id, chart=chart, expected_version=row.version)
    except (ChartError, sessions.SessionError) as err:
        assert str(err)
        with transaction(shared_engine) as db:
            stored = sessions.load_chart(db, session_id=row.id)
        assert stored.total_units == 155
        assert stored.lot_number == "C1234AB"
    else:
        with transaction(shared_engine) as db:
            stored = sessions.load_chart(db, session_id=row.id)
        assert stored.injection("TEM-R1").units == chart.injection("TEM-R1").units
        assert stored.lot_number == lot.strip()


COMMANDS = ["protocol", "sessions", "note", "record", "demo-data", "backup", "restore"]
TOKENS = ["--json", "--patient", "--seed", "-o", "--yes", "0", "-1", "x", "99999", "--force"]


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


@settings(SHARED, max_examples=60)
@given(
    command=st.sampled_from(COMMANDS),
    words=st.lists(
        st.one_of(st.sampled_from(TOKENS), st.text(alphabet=string.printable, max_size=8)),
        max_size=4,
    ),
)
def test_the_command_line_never_shows_a_traceback(
    command: str,
    words: list[str],
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workdir = tmp_path_factory.mktemp("cli")
    argv = [command, *words, "--db", str(workdir / "cli.sqlite3")]
    if command == "demo-data":
        argv += ["--patients", "1"]
    with working_directory(workdir):
        try:
            code = main(argv)
        except SystemExit as exited:  # argparse's usage errors
            code = exited.code
    _, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code == 1:
        assert err.startswith("botox-chart: ") and len(err.strip().splitlines()) == 1
