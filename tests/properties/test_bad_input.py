"""Generated input against the chart rules, the store and the command line.

Whatever is typed or passed: no crash, a clear error for what is invalid, and nothing already
charted or stored is changed by a rejected input.
"""

from __future__ import annotations

import contextlib
import dataclasses
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

from botox_chart import bounds, protocol
from botox_chart.chart import Chart, ChartError, Dilution, parse_units
from botox_chart.cli import main
from botox_chart.protocol import Point
from botox_chart.store import clinicians, open_database, patients, sessions, transaction
from botox_chart.store import settings as clinic_settings
from botox_chart.store.models import Patient
from tests.helpers.factories import an_administrator, charting_clinician_id, ready_chart

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
    # Module-scoped: opened before the per-test key fixture, so given the tests' key itself.
    from botox_chart.store import cipher
    from tests.conftest import TEST_KEY

    path = tmp_path_factory.mktemp("prop") / "prop.sqlite3"
    engine = open_database(str(path), key=cipher.normalise(TEST_KEY))
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
    who = _charting(shared_engine)
    try:
        with transaction(shared_engine) as db:
            added = patients.add(db, patient=details, clinician_id=who)
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
    who = _charting(shared_engine)
    with transaction(shared_engine) as db:
        patient = patients.add(
            db,
            patient=Patient(
                family_name="Prop",
                given_names="Test",
                date_of_birth=date(1970, 1, 1),
                chart_number=f"PROP-{next(_chart_numbers)}",
            ),
            clinician_id=who,
        )
        row = sessions.create_draft(db, patient_id=patient.id, injector_id=who, chart=ready_chart())
    chart = ready_chart()
    try:
        chart.set_units("TEM-R1", dose)
        chart.set_vial(0, lot_number=lot)
        with transaction(shared_engine) as db:
            sessions.save_draft(
                db,
                session_id=row.id,
                patient_id=row.patient_id,
                chart=chart,
                expected_version=row.version,
                clinician_id=who,
            )
    except (ChartError, sessions.SessionError) as err:
        assert str(err)
        with transaction(shared_engine) as db:
            stored = sessions.load_chart(db, session_id=row.id)
        assert stored.total_units == 155
        assert stored.lots == ["C1234AB"]
    else:
        with transaction(shared_engine) as db:
            stored = sessions.load_chart(db, session_id=row.id)
        assert stored.injection("TEM-R1").units == chart.injection("TEM-R1").units
        assert stored.vials[0].lot_number == lot.strip()


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


# -- the store's public functions, with the bounds of issue 9 (bounds.py) ------------------------

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, 30, 31, -1, 0.5, 10, 10.01, 0.001, 2**63, 10**18, True, 1e-300]),
)
any_dates = st.dates()  # 0001-01-01 to 9999-12-31
hostile = st.sampled_from(
    ["\x00", "\x1b", "\x07", "\x7f", "\x85", "\n", "\t", "\r", "\u202e", "\u202a", "\u2066"]
    + ["\u2069", "\u2028", "\u2029", "\ud800"]
)
texts = st.text(alphabet=st.one_of(st.characters(), hostile), max_size=30)
"""Text as a script or an import might send it: any character, hostile ones often."""


def _injection(chart: Chart, **changes: object) -> None:
    chart.injections[0] = dataclasses.replace(chart.injections[0], **changes)  # type: ignore[arg-type]


CHART_FIELDS: dict[str, tuple[st.SearchStrategy[object], str]] = {
    "headache_days": (st.one_of(st.none(), numbers), "headache days"),
    "migraine_days": (st.one_of(st.none(), numbers), "migraine days"),
    "vial_units": (numbers, "vial size"),
    "diluent_ml": (numbers, "saline"),
    "date_of_service": (any_dates, "date of service"),
    "size": (numbers, "vial 1: the size"),
    "drawn": (numbers, "vial 1: the units drawn"),
    "lot_expiry": (any_dates, "vial 1's lot expiry"),
    "lot_number": (texts, "vial 1's lot number"),
    "product": (texts, "product"),
    "tolerance": (texts, "tolerance"),
    "notes": (texts, "notes"),
    "units": (numbers, "right corrugator"),
    "x": (numbers, "right corrugator"),
}


VIAL_FIELDS = {"size": "units", "drawn": "drawn", "lot_expiry": "lot_expiry"}
"""A field of the first vial → its name on the Vial."""


def _apply(chart: Chart, field: str, value: object) -> None:
    if field in ("vial_units", "diluent_ml"):
        chart.dilution = dataclasses.replace(Dilution(), **{field: value})  # type: ignore[arg-type]
    elif field in VIAL_FIELDS or field == "lot_number":
        name = VIAL_FIELDS.get(field, field)
        chart.vials[0] = dataclasses.replace(chart.vials[0], **{name: value})  # type: ignore[arg-type]
    elif field == "units":
        _injection(chart, units=value)
    elif field == "x":
        _injection(chart, point=dataclasses.replace(chart.injections[0].point, x=value))  # type: ignore[arg-type]
    else:
        setattr(chart, field, value)


def _read_back(chart: Chart, field: str) -> object:
    if field in ("vial_units", "diluent_ml"):
        return getattr(chart.dilution, field)
    if field in VIAL_FIELDS or field == "lot_number":
        return getattr(chart.vials[0], VIAL_FIELDS.get(field, field))
    if field == "units":
        return chart.injections[0].units
    if field == "x":
        return chart.injections[0].point.x
    return getattr(chart, field)


def _same(stored: object, given: object, field: str) -> bool:
    if field == "lot_number":
        return stored == str(given).strip()
    if isinstance(given, float | Decimal | int) and not isinstance(given, bool):
        return isinstance(stored, float | Decimal | int) and Decimal(stored) == Decimal(given)
    return stored == given and type(stored) is type(given)


def _new_patient(engine: Engine) -> int:
    who = _charting(engine)
    with transaction(engine) as db:
        patient = patients.add(
            db,
            patient=Patient(
                family_name="Bound",
                given_names="Test",
                date_of_birth=date(1970, 1, 1),
                chart_number=f"BOUND-{next(_chart_numbers)}",
            ),
            clinician_id=who,
        )
    assert patient.id is not None
    return patient.id


def _charting(engine: Engine) -> int:
    """An injector or physician, who may add patients and chart (the store checks)."""
    with transaction(engine) as db:
        return charting_clinician_id(db)


@settings(SHARED, max_examples=250)
@given(
    case=st.sampled_from(sorted(CHART_FIELDS)).flatmap(
        lambda f: st.tuples(st.just(f), CHART_FIELDS[f][0])
    )
)
def test_a_chart_value_is_stored_exactly_or_refused_naming_the_field(
    shared_engine: Engine, case: tuple[str, object]
) -> None:
    field, value = case
    patient_id = _new_patient(shared_engine)
    who = _charting(shared_engine)
    with transaction(shared_engine) as db:
        row = sessions.create_draft(db, patient_id=patient_id, injector_id=who, chart=ready_chart())
    chart = ready_chart()
    _apply(chart, field, value)
    try:
        with transaction(shared_engine) as db:
            sessions.save_draft(
                db,
                session_id=row.id,
                patient_id=patient_id,
                chart=chart,
                expected_version=row.version,
                clinician_id=who,
            )
    except sessions.SessionError as err:
        assert CHART_FIELDS[field][1] in str(err).lower(), (field, value, str(err))
        with transaction(shared_engine) as db:
            kept = sessions.load_chart(db, session_id=row.id)
        assert _read_back(kept, field) == _read_back(ready_chart(), field)
        return
    with transaction(shared_engine) as db:
        stored = sessions.load_chart(db, session_id=row.id)
    read = _read_back(stored, field)
    assert _same(read, value, field), (field, value, read)
    bounds.check_chart(stored)  # nothing out of bounds was stored


@settings(SHARED, max_examples=150)
@given(family=texts, given_names=texts, allergies=texts, born=any_dates, referred=any_dates)
def test_patient_details_are_stored_exactly_or_refused_naming_the_field(
    shared_engine: Engine,
    family: str,
    given_names: str,
    allergies: str,
    born: date,
    referred: date,
) -> None:
    with transaction(shared_engine) as db:
        before = patients.summaries(db)
    details = Patient(
        family_name=family,
        given_names=given_names,
        allergies=allergies,
        date_of_birth=born,
        referral_date=referred,
        chart_number=f"BOUND-{next(_chart_numbers)}",
    )
    unsafe = [
        label
        for label, text in (
            ("family name", family.strip()),
            ("given name", given_names.strip()),
            ("allergies", allergies),
        )
        if bounds.unsafe_character(text)
    ]
    who = _charting(shared_engine)
    try:
        with transaction(shared_engine) as db:
            added = patients.add(db, patient=details, clinician_id=who)
    except patients.PatientError as err:
        if unsafe:
            assert unsafe[0] in str(err), (unsafe, str(err))
        with transaction(shared_engine) as db:
            assert patients.summaries(db) == before
        return
    assert not unsafe
    with transaction(shared_engine) as db:
        stored = patients.get(db, patient_id=added.id)
    assert (stored.family_name, stored.given_names) == (family.strip(), given_names.strip())
    assert stored.allergies == allergies
    assert (stored.date_of_birth, stored.referral_date) == (born, referred)
    assert bounds.EARLIEST_DATE <= born <= referred <= bounds.LATEST_DATE


@settings(SHARED, max_examples=100)
@given(name=texts, credentials=texts, addendum=texts, clinic=texts, address=texts)
def test_clinicians_addenda_and_settings_are_stored_exactly_or_refused(
    shared_engine: Engine, name: str, credentials: str, addendum: str, clinic: str, address: str
) -> None:
    admin = an_administrator(shared_engine)
    try:
        with transaction(shared_engine) as db:
            doctor = clinicians.add(db, name=name, credentials=credentials, by=admin)
    except clinicians.ClinicianError as err:
        assert "clinician's name" in str(err) or "credentials" in str(err), str(err)
    else:
        assert (doctor.name, doctor.credentials) == (name.strip(), credentials.strip())

    with transaction(shared_engine) as db:
        author = clinicians.add(db, name="Dr Bound", by=admin)
    signed_id = _signed_session(shared_engine, author.id)
    try:
        with transaction(shared_engine) as db:
            added = sessions.add_addendum(
                db, session_id=signed_id, author_id=author.id, text=addendum
            )
    except sessions.SessionError as err:
        assert "addendum" in str(err)
        with transaction(shared_engine) as db:
            assert sessions.addenda(db, session_id=signed_id) == []
    else:
        assert added.text == addendum.strip()
        assert not bounds.unsafe_character(added.text, multiline=True)

    wanted = clinic_settings.ClinicSettings(name=clinic, address=address)
    try:
        with transaction(shared_engine) as db:
            clinic_settings.save(db, settings=wanted, clinician_id=admin)
    except clinic_settings.SettingsError as err:
        assert "clinic's" in str(err)
    else:
        with transaction(shared_engine) as db:
            assert clinic_settings.load(db) == wanted


def _signed_session(engine: Engine, clinician_id: int | None) -> int:
    patient_id = _new_patient(engine)
    with transaction(engine) as db:
        row = sessions.create_draft(
            db, patient_id=patient_id, injector_id=clinician_id, chart=ready_chart()
        )
        assert row.id is not None and clinician_id is not None
        findings = sessions.load_chart(db, session_id=row.id).findings()
        sessions.sign(
            db,
            session_id=row.id,
            patient_id=patient_id,
            clinician_id=clinician_id,
            acknowledged=[f.key for f in findings],
            today=date(2026, 11, 2),
        )
    return row.id


@settings(SHARED, max_examples=100)
@given(row_id=st.one_of(st.integers(), st.integers(min_value=2**62, max_value=2**80)))
def test_any_id_is_found_or_refused_in_words(shared_engine: Engine, row_id: int) -> None:
    with transaction(shared_engine) as db:
        for lookup, error in (
            (lambda: sessions.get(db, session_id=row_id), sessions.SessionError),
            (lambda: patients.get(db, patient_id=row_id), patients.PatientError),
            (lambda: clinicians.get(db, clinician_id=row_id), clinicians.ClinicianError),
        ):
            try:
                assert lookup().id == row_id
            except error as err:
                assert f"no {error.__name__.removesuffix('Error').lower()} " in str(err).lower()
