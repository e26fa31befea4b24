"""How a patient's outcome reads on paper: the per-cycle figure and the verdict box.

Shared by the treatment record and the continuation letter, so both print a cycle's figure and a
verdict in the same words as botox_chart.outcomes gives them (the change to 0.1%, rounded toward
zero, as the rule judges it). docs/clinical-reference.md §8.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from botox_chart.eligibility import Assessment, eligibility_criteria
from botox_chart.i18n import N_, _
from botox_chart.note import layout
from botox_chart.note.layout import text
from botox_chart.outcomes import (
    CONTINUE,
    INSUFFICIENT_DATA,
    STOP_EPISODIC,
    STOP_NOT_RESPONDING,
    Baseline,
    CycleOutcome,
    RuleProfile,
    Verdict,
    change_at,
    figure,
    per_28,
    signed_percent,
)

VERDICT_WORDS: dict[str, str] = {
    CONTINUE: N_("Continue treatment"),
    STOP_NOT_RESPONDING: N_("Stop: not responding"),
    STOP_EPISODIC: N_("Stop: migraine now episodic"),
    INSUFFICIENT_DATA: N_("Cannot judge: insufficient data"),
}
"""Each verdict code in words, printed beside the code (translated where it prints; the code
itself stays as it is, the same in every language)."""

NOT_RECORDED = "—"


def cycle_figure(baseline: Baseline | None, cycle: CycleOutcome) -> str:
    """Headache days per 28 days recorded at ``cycle``'s visit and the change against baseline:
    "18.7 (−15.1%)"; the figure alone without a baseline; "—" when not recorded."""
    days = per_28(cycle.headache_days, cycle.window_days)
    if days is None:
        return NOT_RECORDED
    change = change_at(baseline, cycle)
    return figure(days) if change is None else f"{figure(days)} ({signed_percent(change)})"


def verdict_colour(code: str) -> Color:
    """The box colour of a verdict: green to continue, red to stop, grey when it cannot judge."""
    if code == CONTINUE:
        return layout.OK
    if code in (STOP_NOT_RESPONDING, STOP_EPISODIC):
        return layout.ALERT
    return layout.MUTED


def verdict_box(
    verdict: Verdict,
    profile: RuleProfile,
    width: float,
    s: dict[str, ParagraphStyle],
    *,
    citation: bool = True,
) -> Table:
    """The verdict in words and as its code, the one-sentence reason, and the profile (with its
    citation when asked): advice for the clinician, never a block."""
    colour = verdict_colour(verdict.code)
    words = _(VERDICT_WORDS.get(verdict.code, verdict.code))
    lines: list[Flowable] = [
        Paragraph(
            _("VERDICT UNDER {profile}").format(profile=text(_(profile.title).upper())), s["label"]
        ),
        Paragraph(
            f'<font color="{colour.hexval()}" size="11"><b>{text(words)}</b></font> '
            f'<font color="{layout.MUTED.hexval()}">({text(verdict.code)})</font>',
            s["value"],
        ),
        Paragraph(text(verdict.reason) + ".", s["body"]),
    ]
    if citation:
        lines.append(
            Paragraph(
                _("Rule profile {name}: {citation}").format(
                    name=text(profile.name), citation=text(profile.citation)
                ),
                s["muted"],
            )
        )
    box = Table([[lines]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colour),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return box


TABLE_STYLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, layout.INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, layout.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
)
"""A table of rows: a rule under the heading row, a light one between rows."""

MET = N_("\u2713 Met")
MISSING = N_("\u2717 Missing")


def criteria_table(assessment: Assessment, width: float, s: dict[str, ParagraphStyle]) -> Table:
    """NICE TA260's criteria, each met or missing with what the assessment says."""
    lines: list[list[object]] = [[Paragraph(_("NICE TA260 CRITERIA"), s["label"]), ""]]
    for criterion in eligibility_criteria(assessment):
        colour = layout.OK if criterion.met else layout.ALERT
        mark = _(MET) if criterion.met else _(MISSING)
        lines.append(
            [
                Paragraph(f"{text(criterion.title)} ({text(criterion.detail)})", s["body"]),
                Paragraph(f'<font color="{colour.hexval()}"><b>{mark}</b></font>', s["body"]),
            ]
        )
    table = Table(lines, colWidths=[width - 58, 58])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def preventives_table(
    assessment: Assessment, width: float, s: dict[str, ParagraphStyle]
) -> Flowable:
    """The preventive medicines tried, one row each."""
    if not assessment.preventives:
        return Paragraph(_("Preventive medicines tried: none recorded."), s["body"])
    head = [_("Preventive tried"), _("Class"), _("Dose"), _("Duration"), _("Why stopped")]
    rows: list[list[object]] = [[Paragraph(text(h.upper()), s["label"]) for h in head]]
    for p in assessment.preventives:
        rows.append(
            [
                Paragraph(text(v), s["cell"])
                for v in (p.name, _(p.drug_class), p.dose, p.duration, p.why_stopped)
            ]
        )
    table = Table(rows, colWidths=[width * w for w in (0.18, 0.27, 0.18, 0.13, 0.24)])
    table.setStyle(TABLE_STYLE)
    return table
