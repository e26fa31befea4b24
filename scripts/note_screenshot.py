"""Pictures of a procedure note's and a continuation letter's first page for the README, made
without a display.

    python scripts/note_screenshot.py     # docs/screenshots/note-page1.png and letter-page1.png
    python scripts/note_screenshot.py --dpi 150 --out /tmp/note.png --pdf /tmp/note.pdf
    python scripts/note_screenshot.py --paper a4 --out /tmp/a4.png --letter-out /tmp/a4-letter.png

It records a synthetic patient's eligibility assessment and charts three realistic signed
sessions (the last with follow-the-pain sites, one dose changed, one site omitted) into a
throwaway SQLite database in a temporary data folder, renders the last session's note and the
patient's continuation letter exactly as ``botox-chart note`` and ``botox-chart letter`` do, and
draws each first page with PDFium.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DAY = date(2026, 11, 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "screenshots" / "note-page1.png"
    )
    parser.add_argument("--dpi", type=float, default=100)
    parser.add_argument("--pdf", type=Path, help="also keep the whole note as this PDF")
    parser.add_argument(
        "--letter-out", type=Path, default=ROOT / "docs" / "screenshots" / "letter-page1.png"
    )
    parser.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default="letter",
        help="the paper of the pictures (default: letter, whatever this computer's locale)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="botox-note-") as folder:
        os.environ["BOTOX_CHART_DATA_DIR"] = folder  # nothing of the user's is read or written
        os.environ["BOTOX_CHART_DB_KEY"] = "5C" * 32  # a throwaway database's key, not the keyring
        pdf, letter = demo_note(Path(folder) / "demo.sqlite3", args.paper)
    if args.pdf:
        args.pdf.write_bytes(pdf)
    for document, target in ((pdf, args.out), (letter, args.letter_out)):
        target.parent.mkdir(parents=True, exist_ok=True)
        save_first_page(document, target, args.dpi)
        print(f"Wrote {target}")
    return 0


def demo_note(database: Path, paper: str) -> tuple[bytes, bytes]:
    """The PDFs of a synthetic patient's latest signed, tailored session and of their
    continuation letter."""
    from botox_chart import protocol
    from botox_chart.chart import Chart, Dilution, Vial
    from botox_chart.note import render
    from botox_chart.protocol import Point
    from botox_chart.store import (
        clinicians,
        eligibility,
        open_database,
        patients,
        sessions,
        settings,
        transaction,
    )
    from botox_chart.store.models import (
        EligibilityAssessment,
        Patient,
        PreventiveTreatment,
        Role,
    )
    from botox_chart.store.settings import ClinicSettings

    engine = open_database(f"sqlite:///{database}")
    with transaction(engine) as db:
        doctor = clinicians.add(
            db,
            name="Dr Ana Souza",
            credentials="MD, FRCPC",
            role=Role.PHYSICIAN,
            is_admin=True,
            by=None,
        )
        settings.save(
            db,
            clinician_id=doctor.id,
            settings=ClinicSettings(
                name="Lakeshore Headache Clinic",
                address="1200 Bay Street, Suite 410\nToronto ON M5R 2A5",
                phone="416-555-0142",
                billing="us",
                din_ndc="0023-3921-02",
            ),
        )
        patient = patients.add(
            db,
            patient=Patient(
                family_name="Gagnon",
                given_names="Élise",
                date_of_birth=date(1979, 3, 14),
                chart_number="LH-004211",
                health_card="5584-093-112-KT",
                referring_physician="Dr Marc Côté",
                referral_date=date(2025, 9, 2),
                allergies="Sulfa drugs (rash)",
            ),
            clinician_id=doctor.id,
        )
    assert doctor.id is not None and patient.id is not None
    with transaction(engine) as db:
        eligibility.record(
            db,
            patient_id=patient.id,
            clinician_id=doctor.id,
            assessment=EligibilityAssessment(
                baseline_start=date(2026, 4, 1),
                baseline_end=date(2026, 4, 30),
                headache_days_per_month=Decimal(24),
                migraine_days_per_month=Decimal(16),
                months_chronic=30,
                hours_per_day=Decimal(8),
                medication_overuse_addressed=True,
                referral_on_file=True,
            ),
            treatments=[
                PreventiveTreatment(
                    name="Amitriptyline",
                    drug_class="antidepressant",
                    dose="25 mg nightly",
                    duration="4 months",
                    why_stopped="no benefit",
                ),
                PreventiveTreatment(
                    name="Topiramate",
                    drug_class="anticonvulsant",
                    dose="50 mg twice daily",
                    duration="3 months",
                    why_stopped="word-finding difficulty",
                ),
                PreventiveTreatment(
                    name="Propranolol",
                    drug_class="beta-blocker/antihypertensive",
                    dose="80 mg daily",
                    duration="3 months",
                    why_stopped="no benefit",
                ),
            ],
        )

    def chart(day: date, headache_days: int) -> Chart:
        c = Chart(protocol=protocol.load_named(), date_of_service=day)
        c.apply_protocol()
        c.din_ndc = "0023-3921-02"
        # Two 100 U vials, the second from a newer lot: the note lists both.
        c.dilution = Dilution(vial_units=100, diluent_ml=Decimal(2))
        c.vials = [
            Vial("C6812AB", date(2027, 8, 31), 100),
            Vial("C7035AC", date(2027, 11, 30), 100),
        ]
        c.consent = True
        c.screen = dict.fromkeys(c.screen, False)
        c.headache_days = headache_days
        c.tolerance = "Well tolerated"
        c.aftercare = (
            "Keep upright 4 h; no massage of the sites today. Call for any trouble swallowing."
        )
        return c

    first = chart(date(2026, 5, 18), 22)
    second = chart(date(2026, 8, 10), 17)
    today = chart(DAY, 13)
    today.migraine_days = 8
    today.omit("FRO-L2", "left brow lower since last cycle")
    today.set_units("FRO-R2", "2.5")
    today.add_follow_the_pain("temporalis", "right", Point("right", 205, 150))
    today.add_follow_the_pain("temporalis", "right", Point("right", 178, 152))
    today.add_follow_the_pain("occipitalis", "right", Point("back", 262, 176))
    today.adverse_events = ["Injection-site pain"]
    for c in (first, second, today):
        with transaction(engine) as db:
            row = sessions.create_draft(db, patient_id=patient.id, injector_id=doctor.id, chart=c)
            assert row.id is not None
            findings = sessions.load_chart(db, session_id=row.id).findings(today=c.date_of_service)
            sessions.sign(
                db,
                session_id=row.id,
                patient_id=patient.id,
                clinician_id=doctor.id,
                acknowledged=[f.key for f in findings],
                today=c.date_of_service,
            )
    assert row.id is not None
    pdf = render.session_note_pdf(engine, session_ids=[row.id], paper=paper)
    letter = render.letter_pdf(engine, patient_id=patient.id, written_on=DAY, paper=paper)
    engine.dispose()
    return pdf, letter


def save_first_page(pdf: bytes, path: Path, dpi: float) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255))
        bitmap.to_pil().save(path, optimize=True)
        bitmap.close()
        page.close()
    finally:
        document.close()


if __name__ == "__main__":
    sys.exit(main())
