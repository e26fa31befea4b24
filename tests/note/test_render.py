"""The procedure note and the treatment record, read back as text from the PDF."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart.chart import Chart, Dilution, Vial
from botox_chart.note import render
from botox_chart.note.data import local_time
from botox_chart.store import audit, sessions, transaction
from botox_chart.store.models import Clinician, Patient, Role
from botox_chart.store.patients import PatientError
from botox_chart.store.sessions import SessionError
from tests.helpers.factories import make_clinician, make_patient, make_signed_session
from tests.note.samples import (
    DAY,
    follow_the_pain_chart,
    page_texts,
    save_clinic,
    standard_chart,
    tailored_chart,
)


def draft(engine: Engine, patient: Patient, clinician: Clinician, chart: Chart) -> int:
    assert patient.id is not None
    with transaction(engine) as db:
        row = sessions.create_draft(
            db, patient_id=patient.id, injector_id=clinician.id, chart=chart
        )
    assert row.id is not None
    return row.id


def signed(engine: Engine, patient: Patient, clinician: Clinician, chart: Chart) -> int:
    row = make_signed_session(engine, patient, clinician, chart)
    assert row.id is not None
    return row.id


def note_text(engine: Engine, session_id: int) -> str:
    """The note's words with line breaks folded, as a reader takes them in."""
    pages = page_texts(render.session_note_pdf(engine, session_ids=[session_id]))
    return " ".join(" ".join(pages).split())


def test_a_signed_note_holds_every_element_a_note_must_hold(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    save_clinic(engine)
    nurse = make_clinician(engine, "Aisha Rahman", Role.INJECTOR)
    session_id = signed(engine, patient, nurse, standard_chart())
    assert injector.id is not None
    with transaction(engine) as db:
        sessions.add_addendum(
            db, session_id=session_id, author_id=injector.id, text="Day-3 call: neck pain settling"
        )
        row = sessions.get(db, session_id=session_id)
    assert row.signed_at is not None
    text = note_text(engine, session_id)

    for element in (
        # identity and visit
        "Øvergård, Zoë",
        "1980-05-17",
        "LH-004211",
        "1234-567-890-AB",
        "2026-11-02",
        # clinic letterhead
        "Lakeshore Headache Clinic",
        "1200 Bay Street, Suite 410",
        "416-555-0142",
        # indication, referral, consent, screen
        "Chronic migraine",
        "ICD-10 G43.709",
        "Dr Łukasz Żółć on 2025-01-10",
        "Consent",
        "Obtained",
        "Infection at an injection site",
        "Hypersensitivity to botulinum toxin",
        "Neuromuscular disease",
        "Pregnancy or breastfeeding",
        # product and preparation
        "onabotulinumtoxinA (Botox)",
        "02239208",
        "C1234AB",
        "expires 2027-06-30",
        "200 U vial: 155 U drawn, 45 U wasted",
        "0.9% sodium chloride, preservative-free",
        "4 mL per 200 U vial",
        "5 U per 0.1 mL",
        "30 G, 0.5 in",
        # sites, totals, deviations, waste
        "Right corrugator",
        "Left trapezius 3",
        "TOTAL: 31 sites",
        "155 U",
        "Deviations from the standard protocol",
        "None: standard PREEMPT",
        "Units wasted: 45 U",
        "JW",
        # outcome
        "Neck pain",
        "Well tolerated",
        "Avoid rubbing the sites for 24 h",
        "2027-01-25",
        "18 in the 30 days to 2026-11-02",
        "migraine days 11",
        # signature and addenda
        "Aisha Rahman, MD, FRCPC",
        "Electronically signed by Aisha Rahman",
        local_time(row.signed_at).strftime("%Y-%m-%d %H:%M"),
        "Ярослава Коваленко, MD, FRCPC",
        "Day-3 call: neck pain settling",
    ):
        assert element in text, element
    assert text.index("Electronically signed") < text.index("Day-3 call")
    assert "DRAFT" not in text
    assert "NOT SIGNED" not in text


def test_every_page_carries_the_patient_the_date_of_service_and_page_x_of_y(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    session_id = signed(engine, patient, injector, follow_the_pain_chart())
    pages = page_texts(render.session_note_pdf(engine, session_ids=[session_id]))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "ØVERGÅRD, Zoë" in page
        assert "DOB 1980-05-17" in page
        assert "Chart LH-004211" in page
        assert "Date of service 2026-11-02" in page
        assert f"Page {number} of {len(pages)}" in page


SITE_ROW = re.compile(r"^\s*(\d{1,2})\s{2,}\S.*?\s(\d+(?:\.\d)?)\s+\d+\.\d\d\b")
TOTAL_ROW = re.compile(r"TOTAL: (\d+) sites\s+(\d+(?:\.\d)?) U\s+(\d+\.\d\d)")


@pytest.mark.parametrize(
    ("build", "total", "sites", "omitted"),
    [
        (standard_chart, Decimal(155), 31, ()),
        (follow_the_pain_chart, Decimal(180), 35, ()),
        (tailored_chart, Decimal(160), 31, (3, 7)),  # procerus and a frontalis site omitted
    ],
    ids=["standard", "follow-the-pain", "tailored"],
)
def test_the_site_table_adds_up_to_the_printed_total(
    engine: Engine,
    patient: Patient,
    injector: Clinician,
    build: Callable[[], Chart],
    total: Decimal,
    sites: int,
    omitted: tuple[int, ...],
) -> None:
    session_id = signed(engine, patient, injector, build())
    pdf = render.session_note_pdf(engine, session_ids=[session_id])
    lines = "\n".join(page_texts(pdf, layout=True)).splitlines()
    rows = [m for m in map(SITE_ROW.match, lines) if m]
    totals = [m for m in map(TOTAL_ROW.search, lines) if m]

    # every injected site once, by its own number (an omitted site keeps its number, unused here)
    numbers = sorted(int(m.group(1)) for m in rows)
    assert numbers == [n for n in range(1, sites + len(omitted) + 1) if n not in omitted]
    assert len(totals) == 1
    printed_sites, printed_total, printed_volume = totals[0].groups()
    assert int(printed_sites) == sites
    assert Decimal(printed_total) == total
    assert sum(Decimal(m.group(2)) for m in rows) == total
    assert Decimal(printed_volume) == (total / 50).quantize(Decimal("0.01"))
    assert f"{total.normalize():f} U".replace(".0 U", " U") in pages_text(pdf)


def pages_text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def test_a_tailored_note_says_every_deviation_in_words(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    session_id = signed(engine, patient, injector, tailored_chart())
    text = note_text(engine, session_id)
    for words in (
        "Procerus omitted (brow ptosis)",
        "Left frontalis 2 (lateral) omitted (brow asymmetry)",
        "Right corrugator: 2.5 U instead of 5 U",
        "Left trapezius 1: 7.5 U instead of 5 U",
        "+5 U FTP right temporalis",
        "Custom site: Left masseter, 10 U",
        "omitted: brow ptosis",
        "custom site",
        "follow-the-pain",
    ):
        assert words in text, words


def test_a_draft_is_watermarked_on_every_page_and_not_signed(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    session_id = draft(engine, patient, injector, standard_chart())
    pages = page_texts(render.session_note_pdf(engine, session_ids=[session_id]))
    assert all("DRAFT" in page for page in pages)
    assert "NOT SIGNED" in pages[-1]
    assert "Electronically signed" not in "\n".join(pages)


def test_the_sessions_own_diagnosis_code_is_printed(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    chart = tailored_chart()
    chart.diagnosis_code = "G43.E11"
    text = note_text(engine, signed(engine, patient, injector, chart))
    assert "ICD-10 G43.E11" in text
    assert "with aura, intractable, with status migrainosus" in text
    assert "G43.709" not in text


@pytest.mark.parametrize("billing", ["none", "us", "canada"])
def test_billing_codes_appear_only_when_the_clinic_bills(
    engine: Engine, patient: Patient, injector: Clinician, billing: str
) -> None:
    save_clinic(engine, billing=billing, provincial_code="G459")
    text = note_text(engine, signed(engine, patient, injector, standard_chart()))
    assert "Units wasted: 45 U" in text
    assert ("CPT 64615" in text) is (billing == "us")
    assert ("HCPCS J0585" in text) is (billing == "us")
    assert ("J0585-JW" in text) is (billing == "us")
    assert ("Provincial billing code: G459" in text) is (billing == "canada")


def test_no_waste_is_billed_with_jz(engine: Engine, patient: Patient, injector: Clinician) -> None:
    save_clinic(engine, billing="us")
    chart = standard_chart()
    chart.omit("PRO", "brow ptosis")
    chart.dilution = Dilution(vial_units=50, diluent_ml=Decimal(1))
    chart.vials = [Vial("C1234AB", date(2027, 6, 30), 50)] * 3  # 150 U
    text = note_text(engine, signed(engine, patient, injector, chart))
    assert "Units wasted: none" in text
    assert "HCPCS J0585-JZ" in text
    assert "J0585-JW" not in text


def test_a_note_prints_every_vial_and_lot(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    chart = standard_chart()
    chart.dilution = Dilution(vial_units=100, diluent_ml=Decimal(2))
    chart.vials = [
        Vial("C1234AB", date(2027, 6, 30), 100),
        Vial("D5678CD", date(2027, 9, 30), 100),
    ]
    text = note_text(engine, signed(engine, patient, injector, chart))
    assert "C1234AB + D5678CD" in text  # the glance strip names both lots
    assert "1. Lot C1234AB, exp. 2027-06-30" in text
    assert "100 U vial: 100 U drawn, 0 U wasted" in text
    assert "2. Lot D5678CD, exp. 2027-09-30" in text
    assert "100 U vial: 55 U drawn, 45 U wasted" in text
    assert "Units wasted: 45 U" in text


def test_several_notes_each_start_a_page_and_count_their_own_pages(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    other = make_patient(engine, family_name="Ng", given_names="Wei")
    first = signed(engine, patient, injector, standard_chart())
    second = signed(engine, other, injector, tailored_chart())
    one = len(page_texts(render.session_note_pdf(engine, session_ids=[first])))
    two = len(page_texts(render.session_note_pdf(engine, session_ids=[second])))

    pages = page_texts(render.session_note_pdf(engine, session_ids=[first, second]))

    assert len(pages) == one + two
    for n, page in enumerate(pages[:one], start=1):
        assert "ØVERGÅRD, Zoë" in page and f"Page {n} of {one}" in page
    for n, page in enumerate(pages[one:], start=1):
        assert "NG, Wei" in page and f"Page {n} of {two}" in page
    assert "Procedure note" in pages[one]


def test_unknown_ids_are_refused_in_words(engine: Engine) -> None:
    with pytest.raises(SessionError, match="no session 999"):
        render.session_note_pdf(engine, session_ids=[999])
    with pytest.raises(PatientError, match="no patient 999"):
        render.treatment_record_pdf(engine, patient_id=999)


def test_writing_a_note_or_record_is_audited_as_an_export(
    engine: Engine, patient: Patient, injector: Clinician, tmp_path: Path
) -> None:
    session_id = signed(engine, patient, injector, standard_chart())
    assert patient.id is not None
    note = render.write_session_note(engine, session_id=session_id, path=tmp_path / "n.pdf")
    record = render.write_treatment_record(engine, patient_id=patient.id, path=tmp_path / "r.pdf")
    assert note.read_bytes().startswith(b"%PDF") and record.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob("*.part"))
    with transaction(engine) as db:
        exports = [e for e in audit.events(db, patient_id=patient.id) if e.action == "export"]
    assert [(e.session_id, e.changes["document"]) for e in exports] == [
        (session_id, "procedure note"),
        (None, "treatment record"),
    ]


def test_the_clinic_logo_is_printed_when_its_file_is_readable(
    engine: Engine, patient: Patient, injector: Clinician, tmp_path: Path
) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (31, 78, 121)).save(logo)
    session_id = signed(engine, patient, injector, standard_chart())
    save_clinic(engine, logo_path=str(logo))
    with_logo = render.session_note_pdf(engine, session_ids=[session_id])
    save_clinic(engine, logo_path=str(tmp_path / "moved-away.png"))
    without = render.session_note_pdf(engine, session_ids=[session_id])
    assert b"/Subtype /Image" in with_logo
    assert b"/Subtype /Image" not in without


def test_a_forty_session_record_names_the_patient_on_every_page(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    days = [DAY - timedelta(days=84 * n) for n in range(40)]
    for day in days:  # charted newest first: the record still lists them oldest first
        signed(engine, patient, injector, standard_chart(day))
    assert patient.id is not None
    pages = page_texts(render.treatment_record_pdf(engine, patient_id=patient.id), layout=True)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "ØVERGÅRD, Zoë" in page
        assert "DOB 1980-05-17" in page
        assert "Chart LH-004211" in page
        assert f"Page {number} of {len(pages)}" in page
    text = "\n".join(pages)
    printed = re.findall(r"^\s*(\d{4}-\d\d-\d\d)\s+\d+\s", text, re.M)
    assert printed == [d.isoformat() for d in sorted(days)]
    assert "40 signed" in text


def test_a_record_lists_units_per_muscle_lot_injector_outcome_and_drafts(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    tailored = tailored_chart(DAY - timedelta(days=84))
    tailored.adverse_events = ["Dysphagia"]
    signed(engine, patient, injector, tailored)
    draft(engine, patient, injector, standard_chart())
    assert patient.id is not None
    pdf = render.treatment_record_pdf(engine, patient_id=patient.id)
    text = "\n".join(page_texts(pdf, layout=True))
    lines = [line.split() for line in text.splitlines() if re.match(r"\s*\d{4}-\d\d-\d\d ", line)]
    # date, session, then units: Corr Proc Fron Temp Occi Cerv Trap Other Total
    assert lines[0][:11] == [
        "2026-08-10", "1", "7.5", "—", "15", "45", "30", "20", "32.5", "10", "160"
    ]  # fmt: skip
    assert lines[1][:4] == ["2026-11-02", "2", "draft", "10"]
    assert "Dysphagia" in text
    plain = " ".join(" ".join(page_texts(pdf)).split())  # a wrapped cell reads as one text
    assert "Ярослава Коваленко" in plain
    assert "C1234AB" in text
    assert "18 / 11" in text


def test_a_patient_without_sessions_still_gets_a_record(engine: Engine, patient: Patient) -> None:
    assert patient.id is not None
    (page,) = page_texts(render.treatment_record_pdf(engine, patient_id=patient.id))
    assert "No sessions recorded." in page
    assert "Page 1 of 1" in page


def test_omitting_a_site_renumbers_no_other_site_in_the_note_s_table(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    chart = standard_chart()
    chart.omit("PRO", "brow ptosis")  # protocol site 3
    pdf = render.session_note_pdf(engine, session_ids=[signed(engine, patient, injector, chart)])
    lines = [line.strip() for page in page_texts(pdf, layout=True) for line in page.splitlines()]
    table = lines[lines.index(next(x for x in lines if re.match(r"#\s+Site\b", x))) :]

    def number_of(label: str) -> str:
        row = next(x for x in table if re.search(rf"\b{re.escape(label)}\s+\w", x))
        return row.split()[0]

    assert number_of("Procerus") == "3"  # struck through, greyed: still site 3
    assert number_of("Right frontalis 1 (medial)") == "4"
    assert number_of("Right temporalis 3") == "10"
    assert number_of("Left trapezius 3") == "31"


def record_text(engine: Engine, patient: Patient) -> str:
    assert patient.id is not None
    pdf = render.treatment_record_pdf(engine, patient_id=patient.id)
    return "\n".join(page_texts(pdf, layout=True))


def test_a_record_prints_each_addendum_and_the_adverse_event_it_reports(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    chart = standard_chart()
    chart.adverse_events = []  # nothing at the visit: the neck pain came on later
    session_id = signed(engine, patient, injector, chart)
    assert injector.id is not None
    with transaction(engine) as db:
        sessions.add_addendum(
            db, session_id=session_id, author_id=injector.id, text="Day-3 call: neck pain, settling"
        )
        (added,) = sessions.addenda(db, session_id=session_id)
    text = record_text(engine, patient)
    assert patient.id is not None
    pdf = render.treatment_record_pdf(engine, patient_id=patient.id)
    folded = " ".join(" ".join(page_texts(pdf)).split())  # a wrapped cell reads as one text
    assert "Day-3 call: neck pain, settling" in folded
    assert f"Addendum {local_time(added.created_at).strftime('%Y-%m-%d %H:%M')}" in folded
    assert "Ярослава Коваленко" in folded.split("Addendum", 1)[1]  # the addendum's author
    (row,) = [
        line for line in text.splitlines() if re.match(rf"\s*2026-11-02\s+{session_id}\s", line)
    ]
    assert not row.rstrip().endswith("None")  # the session's adverse events point to the addendum
    assert "None at the visit" in row
    assert "see the addendum below" in folded


def test_a_record_counts_sessions_and_drafts_in_good_english(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    signed(engine, patient, injector, standard_chart(DAY - timedelta(days=168)))
    assert "· 1 session, " in record_text(engine, patient)
    draft(engine, patient, injector, standard_chart(DAY - timedelta(days=84)))
    draft(engine, patient, injector, standard_chart())
    text = record_text(engine, patient)
    assert "· 3 sessions, " in text
    assert "1 signed, 2 drafts" in " ".join(text.split())


def test_a_long_session_label_fits_its_column(patient: Patient) -> None:
    """ "1381 draft" is never cut by the column rule: the Session column is as wide as its label."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table

    from botox_chart.note import fonts, layout, record
    from botox_chart.note.data import RecordEntry, TreatmentRecord
    from botox_chart.store.settings import ClinicSettings

    entries = (
        RecordEntry(1380, "signed", standard_chart(DAY - timedelta(days=84)), "A. Rahman, RN"),
        RecordEntry(1381, "draft", standard_chart(), "A. Rahman, RN"),
    )
    treatment = TreatmentRecord(patient=patient, clinic=ClinicSettings(), entries=entries)
    page = render.page_size(treatment.clinic, landscape=render.RECORD_LANDSCAPE)
    flow = record.story(treatment, layout.frame_width(page))
    (table,) = [f for f in flow if isinstance(f, Table) and len(f._cellvalues) == 3]
    assert table._cellvalues[2][1] == "1381 draft"
    label = stringWidth("1381 draft", fonts.REGULAR, record.CELL_FONT_SIZE)
    assert table._colWidths[1] >= label + 2 * record.CELL_PADDING


def test_a_note_with_an_addendum_does_not_say_no_adverse_events_without_pointing_to_it(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    chart = standard_chart()
    chart.adverse_events = []
    session_id = signed(engine, patient, injector, chart)
    assert "None reported" in note_text(engine, session_id)
    assert injector.id is not None
    with transaction(engine) as db:
        sessions.add_addendum(
            db, session_id=session_id, author_id=injector.id, text="Day-3 call: neck pain"
        )
    text = note_text(engine, session_id)
    assert "None reported at the visit After signing: see the addenda below." in text
    assert text.index("see the addenda below") < text.index("Day-3 call: neck pain")
