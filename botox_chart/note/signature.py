"""The end of a note: adverse events, tolerance, aftercare and the next due date; who injected and
who signed, the record's fingerprint and what the signature does not cover; then the addenda.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from botox_chart.chart import URGENT_ADVERSE_EVENTS
from botox_chart.note import layout
from botox_chart.note.data import SessionNote
from botox_chart.note.layout import alert, facts, heading, text

CLINIC_SETTINGS_NOT_SIGNED = (
    "The letterhead, the clinic's address and telephone, and the billing lines are printed from "
    "the clinic's current settings: they are not part of the signed record."
)
"""Said on every signed note: the digest covers the session, the names signed on it and the
patient's details, not the clinic's settings (which change legitimately: a new address)."""


def aftercare(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    chart = note.chart
    events = []
    for event in chart.adverse_events:
        if event in URGENT_ADVERSE_EVENTS:
            events.append(f"<b>{alert(event + ': URGENT REVIEW (possible distant spread)')}</b>")
        else:
            events.append(text(event))
    if chart.adverse_event_other.strip():
        events.append(f"Other: {text(chart.adverse_event_other.strip())}")
    said = "<br/>".join(events) if events else "None reported"
    if note.addenda:  # news after signing (a day-3 call: neck pain) is in the addenda
        said = ("<br/>".join(events) if events else "None reported at the visit") + (
            "<br/><i>After signing: see the addenda below.</i>"
        )
    pairs = [
        ("Adverse events", said),
        ("Tolerance", text(chart.tolerance) if chart.tolerance.strip() else "Not recorded"),
        ("Aftercare", text(chart.aftercare) if chart.aftercare.strip() else "Not recorded"),
        (
            "Next due",
            f"<b>{chart.next_due.isoformat()}</b> (12 weeks after this session; not sooner)",
        ),
    ]
    if chart.notes.strip():
        pairs.append(("Notes", text(chart.notes)))
    return [
        KeepTogether([*heading("Outcome and aftercare", s["heading"]), facts(pairs, width, s, 90)])
    ]


def signature(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    injector = text(note.injector) if note.injector else "Not recorded"
    supervisor = text(note.supervisor) if note.supervisor else "None"
    if note.signed:
        when = note.signed_at.strftime("%Y-%m-%d %H:%M %Z").strip() if note.signed_at else ""
        signed = f"<b>Electronically signed by {text(note.signer)}</b> on {text(when)}"
    else:
        signed = (
            f'<font size="16" color="{layout.ALERT.hexval()}"><b>NOT SIGNED</b></font><br/>'
            "This draft is not a valid record of treatment until the injector signs it."
        )
    pairs = [
        ("Injector", f"<b>{injector}</b>"),
        ("Supervising physician", supervisor),
        ("Signature", signed),
    ]
    if note.fingerprint:
        pairs.append(
            (
                "Record fingerprint",
                f"<b>{text(note.fingerprint)}</b> (the start of the signed record's SHA-256 "
                "digest; <i>botox-chart verify</i> checks it)",
            )
        )
    if note.signed:
        pairs.append(("Clinic details", CLINIC_SETTINGS_NOT_SIGNED))
    if note.integrity_problems:
        pairs.append(
            (
                "Integrity",
                f'<font color="{layout.ALERT.hexval()}"><b>This record does not match its '
                "signature.</b></font> "
                + " ".join(text(problem) for problem in note.integrity_problems),
            )
        )
    if note.acknowledged:
        pairs.append(
            (
                "Acknowledged at signing",
                "<br/>".join(f"• {text(a)}" for a in note.acknowledged),
            )
        )
    box = Table([[facts(pairs, width - 16, s, 110)]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                (
                    "BOX",
                    (0, 0),
                    (-1, -1),
                    1.2,
                    layout.ACCENT if note.signed else layout.ALERT,
                ),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [KeepTogether([*heading("Signature", s["heading"]), box])]


def addenda(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not note.addenda:
        return []
    flow: list[Flowable] = heading("Addenda (added after signing)", s["heading"])
    for addendum in note.addenda:
        when = addendum.at.strftime("%Y-%m-%d %H:%M %Z").strip()
        flow.append(
            KeepTogether(
                [
                    Paragraph(f"<b>{text(when)}</b> · {text(addendum.author)}", s["small"]),
                    Paragraph(text(addendum.text), s["body"]),
                    Spacer(1, 4),
                ]
            )
        )
    return flow
