"""The clinic outcomes report: how many patients respond, from the clinic's own records.

Laid out from :func:`botox_chart.outcomes.report`'s :class:`~botox_chart.outcomes.OutcomesReport`
alone (no patient is named): after the 2nd treatment (the figure recorded at the visit of cycle 3,
as NICE TA260 judges) and after the 3rd (the visit of cycle 4), the share and the number of patients
with at least 30%, 50% and 75% fewer headache days per 28 days than at baseline, over the patients
who could be judged, and how many were left out and why. docs/clinical-reference.md §8.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from botox_chart.i18n import N_, _, ordinal
from botox_chart.i18n import date as local_date
from botox_chart.i18n import percent as local_percent
from botox_chart.note import layout
from botox_chart.note.layout import PageHeader, heading, text
from botox_chart.outcomes import Milestone, OutcomesReport, ResponderCount, figure
from botox_chart.store.settings import ClinicSettings

TITLE = N_("Clinic outcomes report")


def milestone_title(milestone: Milestone) -> str:
    """ "After the 2nd treatment (visit of cycle 3)"."""
    return _("After the {ordinal} treatment (visit of cycle {cycle})").format(
        ordinal=ordinal(milestone.after_treatments), cycle=milestone.at_cycle
    )


def share(count: ResponderCount, judged: int) -> str:
    """ "80% (4 of 5)"; "— (0 of 0)" when no patient could be judged."""
    percent = "—" if count.percent is None else local_percent(figure(count.percent))
    return _("{percent} ({patients} of {judged})").format(
        percent=percent, patients=count.patients, judged=judged
    )


def story(
    report: OutcomesReport, *, clinic: ClinicSettings, day: date, width: float
) -> list[Flowable]:
    s = layout.styles()
    flow: list[Flowable] = [
        layout.PartStart(
            PageHeader(
                patient=_(TITLE),
                details=f"{clinic.name} · {local_date(day)}",
                title=_("OnabotulinumtoxinA for chronic migraine: responders after treatment"),
                footer=_("{title} · {count} patients, none named").format(
                    title=_(TITLE), count=report.patients
                ),
            )
        )
    ]
    title = [
        Paragraph(_(TITLE), s["title"]),
        Paragraph(_("OnabotulinumtoxinA (Botox) for chronic migraine"), s["right"]),
        Paragraph(_("Date {date}").format(date=local_date(day)), s["right"]),
    ]
    flow += [layout.letterhead(clinic, title, width, s), Spacer(1, 8)]
    flow.append(
        Paragraph(
            _(
                "<b>{count} patients.</b> A responder has at least the given share fewer headache "
                "days per 28 days than at baseline, in the figure recorded at the visit after that "
                "treatment. Shares are of the patients who could be judged; a {high} responder is "
                "also counted at {mid} and {low}."
            ).format(
                count=report.patients,
                high=local_percent(75),
                mid=local_percent(50),
                low=local_percent(30),
            ),
            s["body"],
        )
    )
    flow += heading(_("Responders"), s["heading"])
    flow.append(_responders(report, width, s))
    flow += heading(_("Left out for missing data"), s["heading"])
    flow.append(_excluded(report, width, s))
    return flow


def _grid(rows: list[list[object]], width: float, first: float) -> Table:
    columns = max(len(row) for row in rows) - 1
    table = Table(rows, colWidths=[first, *[(width - first) / columns] * columns])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, layout.INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, layout.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _responders(report: OutcomesReport, width: float, s: dict[str, ParagraphStyle]) -> Table:
    milestones = report.milestones
    rows: list[list[object]] = [
        [Paragraph("", s["label"])]
        + [Paragraph(text(milestone_title(m).upper()), s["label_right"]) for m in milestones],
        [Paragraph(_("Patients judged"), s["body"])]
        + [Paragraph(f"<b>{m.judged}</b>", s["right"]) for m in milestones],
    ]
    for index, count in enumerate(milestones[0].responders if milestones else ()):
        rows.append(
            [
                Paragraph(
                    _("At least <b>{percent}</b> fewer headache days").format(
                        percent=local_percent(count.threshold_percent)
                    ),
                    s["body"],
                )
            ]
            + [
                Paragraph(
                    f'<font size="11"><b>{text(share(m.responders[index], m.judged))}</b></font>',
                    s["right"],
                )
                for m in milestones
            ]
        )
    return _grid(rows, width, width * 0.5)


def _excluded(report: OutcomesReport, width: float, s: dict[str, ParagraphStyle]) -> Table:
    milestones = report.milestones
    reasons: tuple[tuple[str, Callable[[Milestone], int]], ...] = (
        (_("No baseline (or a baseline of 0 headache days)"), lambda m: m.no_baseline),
        (
            _("Fewer treatments so far (no visit of that cycle yet)"),
            lambda m: m.too_few_treatments,
        ),
        (_("No headache days (or no counting window) at that visit"), lambda m: m.no_figure),
    )
    rows: list[list[object]] = [
        [Paragraph(_("REASON (EACH PATIENT ONCE, FIRST REASON)"), s["label"])]
        + [Paragraph(text(milestone_title(m).upper()), s["label_right"]) for m in milestones]
    ]
    for words, count in reasons:
        rows.append(
            [Paragraph(text(words), s["body"])]
            + [Paragraph(str(count(m)), s["right"]) for m in milestones]
        )
    rows.append(
        [Paragraph("<b>{}</b>".format(_("Left out")), s["body"])]
        + [Paragraph(f"<b>{m.excluded}</b>", s["right"]) for m in milestones]
    )
    return _grid(rows, width, width * 0.5)
