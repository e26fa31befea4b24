"""Why and with what consent: the note's indication, diagnosis, referral, consent, headache-day
figures and contraindication screen, and on a first treatment the eligibility criteria.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from botox_chart import outcomes
from botox_chart.chart import DIAGNOSES, counted_window
from botox_chart.i18n import N_, _
from botox_chart.i18n import date as local_date
from botox_chart.note import outcome_parts
from botox_chart.note.data import SessionNote
from botox_chart.note.identity import NONE_RECORDED, referral
from botox_chart.note.layout import alert, columns, facts, heading, text

INDICATION = N_("Chronic migraine: prophylaxis with onabotulinumtoxinA")


def diagnosis_text(code: str) -> str:
    """The session's ICD-10 code and its meaning: chart.DIAGNOSES, docs/clinical-reference.md §7."""
    meaning = _(DIAGNOSES.get(code, N_("code not on the chronic migraine list")))
    return _("<b>ICD-10 {code}</b>: {meaning}").format(code=text(code), meaning=text(meaning))


def indication(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    chart = note.chart
    half = (width - 14) / 2
    consent = (
        "<b>{}</b>".format(_("Obtained"))
        if chart.consent
        else "<b>{}</b>".format(alert(_("NOT RECORDED")))
    )
    left = facts(
        [
            (_("Indication"), text(_(INDICATION))),
            (_("Diagnosis"), diagnosis_text(chart.diagnosis_code)),
            (_("Referral"), referral(note.patient, _(" on ")) or _(NONE_RECORDED)),
            (_("Consent"), consent),
            (_("Headache days"), _headache_days(note)),
        ],
        half,
        s,
        label=72,
    )
    screen = []
    for name, present in chart.screen.items():
        if present is None:
            answer = alert(_("not asked"))
        elif present:
            answer = "<b>{}</b>".format(alert(_("PRESENT")))
        else:
            answer = _("absent")
        screen.append((_(name), answer))
    right = Table(
        [
            [Paragraph(_("Contraindication screen"), s["muted"])],
            [facts(screen, half, s, label=150)],
        ],
        colWidths=[half],
    )
    right.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1)])
    )
    return [
        KeepTogether(
            [
                *heading(_("Indication, consent and screening"), s["heading"]),
                columns(left, right, width),
            ]
        )
    ]


def _headache_days(note: SessionNote) -> str:
    """The visit's figures over their counting window, and the change per 28 days against the
    eligibility assessment's baseline (docs/clinical-reference.md §8)."""
    chart = note.chart
    window = counted_window(chart.outcome_window_days, chart.headache_days)
    if chart.headache_days is None or window is None:
        return _("Not recorded")
    end = chart.outcome_window_end or chart.date_of_service
    words = _("<b>{days}</b> in the {window} days to {date}").format(
        days=chart.headache_days, window=window, date=local_date(end)
    )
    for label, value in (
        (_("migraine days"), chart.migraine_days),
        (_("acute-medication days"), chart.acute_medication_days),
        ("MIDAS", chart.midas_total),
        ("HIT-6", chart.hit6_total),
    ):
        if value is not None:
            words += f"; {label} <b>{value}</b>"
    per_28 = outcomes.per_28(chart.headache_days, window)
    baseline = note.baseline
    change = outcomes.change_from(baseline, chart.headache_days, window)
    if baseline is not None and change is not None:
        start = outcomes.per_28(baseline.headache_days, baseline.window_days)
        words += "<br/>" + _(
            "{days} per 28 days; baseline {baseline} (assessment to {date}): {change}"
        ).format(
            days=outcomes.figure(per_28),
            baseline=outcomes.figure(start),
            date=local_date(baseline.date),
            change=outcomes.signed_percent(change),
        )
    return words


def eligibility(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """On the note of a patient's first treatment: NICE TA260's criteria and the preventives
    tried, from the eligibility assessment (advice, never a block)."""
    if not note.first_treatment:
        return []
    flow = heading(_("Eligibility (first treatment)"), s["heading"])
    assessment = note.eligibility
    if assessment is None:
        return [
            *flow,
            Paragraph(
                _("{missing} (Patient › Eligibility assessment).").format(
                    missing=alert(_("No eligibility assessment recorded"))
                ),
                s["body"],
            ),
        ]
    return [
        KeepTogether(
            [
                *flow,
                outcome_parts.criteria_table(assessment, width, s),
                Spacer(1, 3),
                outcome_parts.preventives_table(assessment, width, s),
            ]
        )
    ]
