"""The end of a note: adverse events, tolerance, aftercare and the next due date; who injected and
who signed, the record's fingerprint and what the signature does not cover; then the addenda.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from botox_chart.chart import URGENT_ADVERSE_EVENTS
from botox_chart.i18n import N_, _, date_time
from botox_chart.i18n import date as local_date
from botox_chart.note import layout
from botox_chart.note.data import SessionNote
from botox_chart.note.layout import alert, facts, heading, text

CLINIC_SETTINGS_NOT_SIGNED = N_(
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
            urgent = _("{event}: URGENT REVIEW (possible distant spread)").format(event=_(event))
            events.append(f"<b>{alert(urgent)}</b>")
        else:
            events.append(text(_(event)))
    if chart.adverse_event_other.strip():
        events.append(_("Other: {event}").format(event=text(chart.adverse_event_other.strip())))
    said = "<br/>".join(events) if events else _("None reported")
    if note.addenda:  # news after signing (a day-3 call: neck pain) is in the addenda
        said = ("<br/>".join(events) if events else _("None reported at the visit")) + (
            "<br/><i>{}</i>".format(_("After signing: see the addenda below."))
        )
    not_recorded = _("Not recorded")
    pairs = [
        (_("Adverse events"), said),
        (_("Tolerance"), text(chart.tolerance) if chart.tolerance.strip() else not_recorded),
        (_("Aftercare"), text(chart.aftercare) if chart.aftercare.strip() else not_recorded),
        (
            _("Next due"),
            _("<b>{date}</b> (12 weeks after this session; not sooner)").format(
                date=local_date(chart.next_due)
            ),
        ),
    ]
    if chart.notes.strip():
        pairs.append((_("Notes"), text(chart.notes)))
    return [
        KeepTogether(
            [*heading(_("Outcome and aftercare"), s["heading"]), facts(pairs, width, s, 90)]
        )
    ]


def signature(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    injector = text(note.injector) if note.injector else _("Not recorded")
    supervisor = text(note.supervisor) if note.supervisor else _("None")
    if note.signed:
        when = date_time(note.signed_at) if note.signed_at else ""
        signed = _("<b>Electronically signed by {signer}</b> on {when}").format(
            signer=text(note.signer), when=text(when)
        )
    else:
        signed = '<font size="16" color="{}"><b>{}</b></font><br/>'.format(
            layout.ALERT.hexval(), _("NOT SIGNED")
        ) + _("This draft is not a valid record of treatment until the injector signs it.")
    pairs = [
        (_("Injector"), f"<b>{injector}</b>"),
        (_("Supervising physician"), supervisor),
        (_("Signature"), signed),
    ]
    if note.fingerprint:
        pairs.append(
            (
                _("Record fingerprint"),
                _(
                    "<b>{fingerprint}</b> (the start of the signed record's SHA-256 digest; "
                    "<i>botox-chart verify</i> checks it)"
                ).format(fingerprint=text(note.fingerprint)),
            )
        )
    if note.signed:
        pairs.append((_("Clinic details"), _(CLINIC_SETTINGS_NOT_SIGNED)))
    if note.integrity_problems:
        pairs.append(
            (
                _("Integrity"),
                f'<font color="{layout.ALERT.hexval()}"><b>'
                + _("This record does not match its signature.")
                + "</b></font> "
                + " ".join(text(problem) for problem in note.integrity_problems),
            )
        )
    if note.acknowledged:
        pairs.append(
            (
                _("Acknowledged at signing"),
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
    return [KeepTogether([*heading(_("Signature"), s["heading"]), box])]


def addenda(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not note.addenda:
        return []
    flow: list[Flowable] = heading(_("Addenda (added after signing)"), s["heading"])
    for addendum in note.addenda:
        when = date_time(addendum.at)
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
