"""The continuation letter: one page for an insurer or a referring physician.

What a payer asks before renewing treatment, from the record and nothing else: who the patient is,
the diagnosis and its ICD-10 code, whether the patient met the published criteria at the start
(the eligibility assessment), the baseline, every cycle (date, total units, headache days per 28
days and the change from baseline), the verdict under the chosen rule profile with its reason,
and the prescriber's name, credentials and a line to sign. Dates are ISO (YYYY-MM-DD), as on every
document of the app. It is laid out from a :class:`~botox_chart.note.data.LetterData` alone.
docs/clinical-reference.md §7 (eligibility) and docs/clinical-reference.md §8 (outcomes and the
verdict).
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from botox_chart.chart import units_text
from botox_chart.eligibility import Assessment
from botox_chart.i18n import N_, _
from botox_chart.i18n import date as local_date
from botox_chart.note import fonts, identity, layout, outcome_parts
from botox_chart.note.data import LetterData
from botox_chart.note.indication import diagnosis_text
from botox_chart.note.layout import PageHeader, facts, heading, labelled, text
from botox_chart.note.outcome_parts import NOT_RECORDED, cycle_figure, verdict_box
from botox_chart.outcomes import Baseline, CycleOutcome, figure, per_28
from botox_chart.store.models import Patient

TITLE = N_("Continuation of treatment")


def story(letter: LetterData, width: float) -> list[Flowable]:
    """The flowables of the letter (one page up to about a dozen cycles)."""
    s = layout.styles()
    flow: list[Flowable] = [layout.PartStart(page_header(letter))]
    title = [
        Paragraph(_(TITLE), s["title"]),
        Paragraph(_("OnabotulinumtoxinA (Botox) for chronic migraine"), s["right"]),
        Paragraph(_("Date {date}").format(date=local_date(letter.written_on)), s["right"]),
    ]
    flow += [layout.letterhead(letter.clinic, title, width, s), Spacer(1, 6)]
    flow += [_identity(letter, width, s)]
    flow += _eligibility(letter, width, s)
    flow += _course(letter, width, s)
    flow += [Spacer(1, 6), verdict_box(letter.verdict, letter.profile, width, s)]
    flow += _signature(letter, width, s)
    return flow


def page_header(letter: LetterData) -> PageHeader:
    return identity.page_header(
        letter.patient,
        letter.clinic.name,
        document=_(TITLE),
        details=[_("Letter of {date}").format(date=local_date(letter.written_on))],
        footer=_("Continuation letter"),
    )


def _identity(letter: LetterData, width: float, s: dict[str, ParagraphStyle]) -> Table:
    p = letter.patient
    to = text(letter.addressee.strip()) if letter.addressee.strip() else _("To whom it may concern")
    rows: list[list[object]] = [
        [
            identity.patient_cell(p, s),
            labelled(_("Date of birth"), local_date(p.date_of_birth), s),
            identity.chart_number_cell(p, s),
            identity.health_card_cell(p, s),
        ],
        [
            labelled(_("To"), to, s),
            labelled(_("Diagnosis"), diagnosis_text(letter.diagnosis_code), s),
            "",
            "",
        ],
    ]
    return identity.identity_box(rows, (0.32, 0.2, 0.2, 0.28), width, spans=[((1, 1), (3, 1))])


def _eligibility(letter: LetterData, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    flow = heading(_("Eligibility at the first treatment"), s["heading"])
    assessment = letter.eligibility
    if assessment is None:
        return [*flow, Paragraph(_("No eligibility assessment is recorded."), s["body"])]
    gap = 14.0
    half = (width - gap) / 2
    columns = layout.columns(
        _assessment(assessment, letter.patient, half, s),
        outcome_parts.criteria_table(assessment, half, s),
        width,
        gap,
    )
    return [*flow, columns, Spacer(1, 4), outcome_parts.preventives_table(assessment, width, s)]


def _days(value: object | None) -> str:
    return _("Not recorded") if value is None else f"<b>{text(value)}</b>"


def _referral(assessment: Assessment, patient: Patient) -> str:
    """ "Yes: Dr Żółć, 2024-11-10" (who referred, from the patient's record), "No", or "Not
    recorded"."""
    if assessment.referral_on_file is None:
        return _("Not recorded")
    if not assessment.referral_on_file:
        return _("No")
    who = identity.referral(patient)
    return _("Yes: {who}").format(who=who) if who else _("Yes")


def _assessment(
    assessment: Assessment, patient: Patient, width: float, s: dict[str, ParagraphStyle]
) -> Table:
    headache = assessment.headache_days_per_month
    migraine = assessment.migraine_days_per_month
    hours = assessment.hours_per_day
    return facts(
        [
            (
                _("Baseline period"),
                _("{start} to {end}").format(
                    start=local_date(assessment.baseline_start),
                    end=local_date(assessment.baseline_end),
                ),
            ),
            (_("Headache days a month"), _days(None if headache is None else figure(headache))),
            (_("Migraine days a month"), _days(None if migraine is None else figure(migraine))),
            (_("Months chronic"), _days(assessment.months_with_chronic_migraine)),
            (_("Hours a day"), _days(None if hours is None else figure(hours))),
            (_("Referral on file"), _referral(assessment, patient)),
        ],
        width,
        s,
        label=110,
    )


def _course(letter: LetterData, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    course = letter.course
    flow = heading(_("Treatment and outcome per cycle"), s["heading"])
    flow.append(Paragraph(_baseline(course.baseline, letter.eligibility), s["body"]))
    if not course.cycles:
        return [*flow, Paragraph(_("No signed treatment is recorded."), s["body"])]
    head = [
        _("Cycle"),
        _("Date"),
        _("Total units"),
        _("Headache days (window)"),
        _("Migraine days"),
        _("Headache days per 28 (change)"),
    ]
    rows: list[list[object]] = [[Paragraph(text(h.upper()), s["label"]) for h in head]]
    for cycle in course.cycles:
        rows.append(
            [
                str(cycle.cycle),
                local_date(cycle.date, numeric=True),
                f"{units_text(cycle.total_units)} U",
                _window(cycle.headache_days, cycle),
                NOT_RECORDED if cycle.migraine_days is None else str(cycle.migraine_days),
                cycle_figure(course.baseline, cycle),
            ]
        )
    table = Table(
        rows,
        colWidths=[width * w for w in (0.08, 0.15, 0.13, 0.24, 0.14, 0.26)],
        repeatRows=1,
    )
    table.setStyle(outcome_parts.TABLE_STYLE)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), fonts.REGULAR, 8),
                ("FONT", (-1, 1), (-1, -1), fonts.BOLD, 8),
                ("LEADING", (0, 1), (-1, -1), 9.5),
            ]
        )
    )
    flow += [Spacer(1, 3), table]
    flow.append(
        Paragraph(
            _(
                "The figure recorded at a visit is the outcome of the cycles before it; the "
                "change compares headache days per 28 days with the baseline."
            ),
            s["muted"],
        )
    )
    return flow


def _baseline(baseline: Baseline | None, assessment: Assessment | None) -> str:
    """The baseline as the assessment states it: days per month (of 30 days) over its period."""
    if baseline is None:
        return _("<b>Baseline:</b> no baseline headache days are recorded.")
    rate = per_28(baseline.headache_days, baseline.window_days)
    period = (
        _("over {start} to {end}").format(
            start=local_date(assessment.baseline_start), end=local_date(assessment.baseline_end)
        )
        if assessment is not None
        else _("in the period to {date}").format(date=local_date(baseline.date))
    )
    words = _(
        "<b>Baseline:</b> {days} headache days a month {period} (<b>{rate} per 28 days</b>)"
    ).format(days=figure(baseline.headache_days), period=period, rate=figure(rate))
    if baseline.migraine_days is not None:
        words += "; " + _("{days} migraine days a month").format(
            days=figure(baseline.migraine_days)
        )
    return words + "."


def _window(days: int | None, cycle: CycleOutcome) -> str:
    if days is None:
        return NOT_RECORDED
    if cycle.window_days is None:
        return str(days)
    return _("{days} in {window} days").format(days=days, window=cycle.window_days)


def _signature(letter: LetterData, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The prescriber and the date beside a line to sign on."""
    prescriber = text(letter.prescriber) if letter.prescriber else "—"
    rows = [
        [labelled(_("Prescriber"), prescriber, s), "", ""],
        [Paragraph(_("Date {date}").format(date=local_date(letter.written_on)), s["body"]), "", ""],
        ["", "", Paragraph(_("Signature of the prescriber"), s["muted"])],
    ]
    table = Table(rows, colWidths=[width * 0.45, width * 0.1, width * 0.45])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LINEABOVE", (2, 2), (2, 2), 0.8, layout.INK),
            ]
        )
    )
    return [Spacer(1, 8), table]
