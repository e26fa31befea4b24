"""The injections as a spreadsheet (``botox-chart export csv``): one row per injection charted,
for audits and the clinic's own figures.

Each row: the session, the patient's chart number (no name), the date of service, the site, its
muscle and side, the units, the session's lots (several vials may be of several lots: joined with
"; "), the injector and the status (``draft`` or ``signed``). Written as every CSV the app writes
(exchange.cells: UTF-8 with a byte-order mark, ISO dates, formulas kept as text), through the one
safe output path, and audited as an export with the range and the counts, and an event for each
patient whose injections left (the patient's id, no name).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine

from botox_chart.chart import format_units
from botox_chart.exchange import cells
from botox_chart.store import transaction
from botox_chart.store.exports import InjectionLine, injection_lines
from botox_chart.store.releases import write_exported

DOCUMENT = "injections CSV"
"""What the audit trail says left the database."""
FIELDS = (
    "session_id",
    "chart_number",
    "date",
    "site",
    "muscle",
    "side",
    "units",
    "lots",
    "injector",
    "status",
)
LOT_SEPARATOR = "; "


def csv_bytes(lines: Sequence[InjectionLine]) -> bytes:
    """The lines as CSV under a header of :data:`FIELDS`."""
    return cells.csv_bytes(
        FIELDS,
        (
            (
                line.session_id,
                line.chart_number,
                line.date,
                line.site,
                line.muscle,
                line.side,
                format_units(line.units),
                LOT_SEPARATOR.join(line.lots),
                line.injector,
                line.status,
            )
            for line in lines
        ),
    )


def write(
    engine: Engine,
    path: str | os.PathLike[str],
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    force: bool = False,
    clinician_id: int | None = None,
) -> tuple[Path, int]:
    """Write the injections with a date of service in the range (both ends inclusive) to
    ``path``; it appears once its export is audited. Returns the path and the rows written."""
    with transaction(engine) as db:
        lines = injection_lines(db, date_from=date_from, date_to=date_to)
    details = {
        "document": DOCUMENT,
        "from": date_from.isoformat() if date_from else None,
        "to": date_to.isoformat() if date_to else None,
        "sessions": len({line.session_id for line in lines}),
        "injections": len(lines),
    }
    written = write_exported(
        engine,
        path,
        csv_bytes(lines),
        force=force,
        clinician_id=clinician_id,
        details=details,
        patient_ids=sorted({line.patient_id for line in lines}),
    )
    return written, len(lines)
