"""The ``botox-chart`` command: no arguments opens the window; subcommands serve staff and scripts.

Errors a user can cause (a bad URL, an unknown id, an unreadable file) print one line to stderr and
exit non-zero; a traceback means a bug.

Every command that reads or writes patient data signs in first, as in the window: the clinician
named by ``BOTOX_CHART_USER`` with ``BOTOX_CHART_PASSWORD`` (scripts), else ``--user NAME`` and a
password typed at a prompt. Staff may read, list and print; restoring, encrypting and changing the
key are for an administrator. Exports are audited with who signed in.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from botox_chart import i18n, paths
from botox_chart import paper as papers
from botox_chart.i18n import _, ngettext
from botox_chart.note import MissingFontWarning

EXIT_USER_ERROR = 1
MAX_DEMO_PATIENTS = 100_000
"""demo-data makes at most this many patients (about 5 times the largest benchmark)."""
FORCE_HELP = i18n.N_("write over an existing file")
USER_ENV = "BOTOX_CHART_USER"
PASSWORD_ENV = "BOTOX_CHART_PASSWORD"
STATUSES = (i18n.N_("draft"), i18n.N_("signed"))
"""A session's status as stored, each translated where a table shows it."""


class UserError(Exception):
    """A mistake the user can fix; printed as one line."""


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # The messages (help included) in --lang's language, else the computer's (LC_ALL, LANG).
    i18n.activate(_language_asked(arguments) or i18n.system_language())
    parser = _parser()
    args = parser.parse_args(arguments)
    command: Callable[[argparse.Namespace], int] = args.run
    try:
        with warnings.catch_warnings():
            # A PDF with characters no font on this computer has (note/scripts.py): said on
            # stderr in one line, and the file is still written.
            warnings.filterwarnings("always", category=MissingFontWarning)
            warnings.showwarning = _show_warning
            return command(args)
    except KeyboardInterrupt:
        print(_("Interrupted."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error.
        sys.stderr.close()
        return 0
    except Exception as err:  # noqa: BLE001  (only user errors are caught below)
        message = _user_message(err)
        if message is None:
            raise
        print(f"botox-chart: {_one_line(message)}", file=sys.stderr)
        return EXIT_USER_ERROR
    finally:
        _close_databases()


def _language_asked(arguments: list[str]) -> str | None:
    """The language --lang asks for, read before the parser is built so that its help is in that
    language too; None when not asked (or not one the app speaks: the parser then says so)."""
    for n, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument == "--lang" and n + 1 < len(arguments):
            return i18n.known(arguments[n + 1])
        if argument.startswith("--lang="):
            return i18n.known(argument.partition("=")[2])
    return None


def _document_language(args: argparse.Namespace) -> str | None:
    """The language of the documents a command writes: --lang, else (None) the clinic's."""
    language: str | None = getattr(args, "lang", None)
    return language


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    print(
        _("botox-chart: warning: {message}").format(message=_one_line(str(message))),
        file=sys.stderr,
    )


def _one_line(message: str) -> str:
    """Control and bidi characters (a file name typed with a stray return, a name stored before
    the store refused them) shown escaped, so what is printed reads as it is stored."""
    from botox_chart.bounds import escape

    return escape(message)


def _user_message(err: Exception) -> str | None:
    """The one-line message for an error the user can fix; None for a bug."""
    from botox_chart.chart import ChartError
    from botox_chart.exchange.patient_import import ImportRefused
    from botox_chart.fhir import FhirCodesError
    from botox_chart.outcomes import ProfileError
    from botox_chart.output import OutputRefused
    from botox_chart.protocol import ProtocolError
    from botox_chart.store.clinicians import ClinicianError
    from botox_chart.store.engine import StorageError
    from botox_chart.store.patients import PatientError
    from botox_chart.store.sessions import SessionError

    user_errors = (
        UserError,
        StorageError,
        ProtocolError,
        ChartError,
        PatientError,
        SessionError,
        ClinicianError,
        ProfileError,
        FhirCodesError,
        ImportRefused,
    )
    if isinstance(err, OutputRefused) and err.exists:
        return _("{error} Add --force to write over it.").format(error=err)
    if isinstance(err, user_errors + (OutputRefused,)):
        return str(err)
    if isinstance(err, OSError) and err.filename:
        return f"{err.filename}: {err.strerror}"
    return None


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=_(
            "database URL or SQLite file (default: ${variable}, else a file in the user data "
            "folder)"
        ).format(variable=paths.DB_ENV),
    )
    common.add_argument(
        "--user",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help=_(
            "sign in as NAME (the password is asked for); scripts set ${user} and ${password} "
            "instead"
        ).format(user=USER_ENV, password=PASSWORD_ENV),
    )
    common.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=argparse.SUPPRESS,
        help=_(
            "the language of the messages (default: the computer's) and of the documents written "
            "(default: the clinic's setting)"
        ),
    )
    document = argparse.ArgumentParser(add_help=False)
    document.add_argument(
        "--paper",
        type=str.lower,
        choices=papers.CHOICES[1:],
        default=None,
        help=_(
            "lay the PDF out on A4 or Letter (default: the clinic's setting, else the computer's "
            "locale: Letter in the US, Canada, Mexico and a few more, A4 elsewhere)"
        ),
    )
    parser = argparse.ArgumentParser(
        prog="botox-chart",
        description=_(
            "Chart onabotulinumtoxinA injections for chronic migraine (PREEMPT). With no "
            "command, opens the charting window."
        ),
        parents=[common],
    )
    parser.set_defaults(run=_open_window)
    sub = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    p = sub.add_parser("protocol", parents=[common], help=_("show the protocol table"))
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    p.add_argument("--protocol", default="preempt", help=_("protocol file name (default: preempt)"))
    p.set_defaults(run=_protocol)

    p = sub.add_parser(
        "demo-data", parents=[common], help=_("fill the database with synthetic patients")
    )
    p.add_argument("--patients", type=_patient_count, default=200, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(run=_demo_data)

    p = sub.add_parser("sessions", parents=[common], help=_("list sessions"))
    p.add_argument("--patient", metavar="TEXT", help=_("name or chart number contains TEXT"))
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    p.set_defaults(run=_sessions)

    p = sub.add_parser(
        "due",
        parents=[common, document],
        help=_(
            "patients due for treatment (12 weeks after the last), by next due date; with "
            "neither option, those due within 7 days, the overdue included"
        ),
        description=_(
            "Patients whose next treatment (84 days after their last signed session) "
            "falls in the period, by next due date: with neither option, those due within 7 days "
            "(this week), the overdue included. Patients referred but never treated are always "
            "listed; an open draft or a stopped treatment is marked, never left out."
        ),
    )
    period = p.add_mutually_exclusive_group()
    period.add_argument(
        "--within",
        type=_days,
        metavar="DAYS",
        help=_("due on or before today + DAYS, the overdue included (default: 7)"),
    )
    period.add_argument(
        "--overdue", action="store_true", help=_("only those whose due date has passed")
    )
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE.pdf",
        help=_("also write the list as a printable worklist (Called and Notes columns to fill in)"),
    )
    p.add_argument(
        "--csv",
        metavar="FILE.csv",
        help=_("also write the list as CSV for a spreadsheet (UTF-8, ISO dates, the JSON fields)"),
    )
    p.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    p.set_defaults(run=_due)

    p = sub.add_parser(
        "lot",
        parents=[common, document],
        help=_(
            "lot recall: every session (signed or draft) that used a lot, with the patient's "
            "contact and the units from the lot"
        ),
        description=_(
            "Every session, signed or draft, with a vial of LOT (case and spaces "
            "ignored), oldest first: the patient and how to contact them, the units drawn from the "
            "lot and the injector. Each listing is recorded in the audit trail as an export."
        ),
    )
    p.add_argument("lot", metavar="LOT", help=_("the lot number, as printed on the carton"))
    _dates_of_service(p)
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    p.add_argument(
        "-o", "--output", metavar="FILE.pdf", help=_("also write the recall list as a PDF")
    )
    p.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    p.set_defaults(run=_lot)

    p = sub.add_parser(
        "lots",
        parents=[common],
        help=_("the lots in use: expiry, vials opened, units drawn and wasted per lot"),
        description=_(
            "Every lot the sessions' vials name (signed and drafts), most recently used "
            "first: its expiry, the vials and sessions that used it, the units drawn from it and "
            "the units left in its opened vials (wasted)."
        ),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    p.set_defaults(run=_lots)

    p = sub.add_parser(
        "note", parents=[common, document], help=_("write a session's procedure note (PDF)")
    )
    p.add_argument("session_id", type=_positive_int, metavar="SESSION_ID")
    p.add_argument("-o", "--output", metavar="FILE.pdf")
    p.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    p.set_defaults(run=_note)

    p = sub.add_parser(
        "backup",
        parents=[common],
        help=_("a consistent copy of the database (safe while charting)"),
    )
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    p.set_defaults(run=_backup)

    p = sub.add_parser("restore", parents=[common], help=_("replace the database with a backup"))
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    p.set_defaults(run=_restore)

    p = sub.add_parser(
        "encrypt",
        parents=[common],
        help=_("encrypt a first-release (plain) database and its backups (administrator)"),
    )
    p.set_defaults(run=_encrypt)

    p = sub.add_parser(
        "rekey",
        parents=[common],
        help=_("encrypt the database and its backups under a new key (administrator)"),
    )
    p.set_defaults(run=_rekey)

    p = sub.add_parser(
        "record", parents=[common, document], help=_("write a patient's treatment record")
    )
    p.add_argument("patient_id", type=_positive_int, metavar="PATIENT_ID")
    p.add_argument("-o", "--output", metavar="FILE.pdf")
    p.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    p.set_defaults(run=_record)

    p = sub.add_parser(
        "outcomes",
        parents=[common],
        help=_("a patient's outcomes per cycle and the continuation verdict (advice, not a block)"),
    )
    p.add_argument("patient_id", type=_positive_int, metavar="PATIENT_ID")
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    p.add_argument(
        "--profile",
        default=None,
        metavar="NAME",
        help=_("the continuation rule profile (default: nice-ta260; see resources/rules/)"),
    )
    p.set_defaults(run=_outcomes)

    p = sub.add_parser(
        "letter",
        parents=[common, document],
        help=_("write a patient's continuation letter for an insurer or referring physician (PDF)"),
    )
    p.add_argument("patient_id", type=_positive_int, metavar="PATIENT_ID")
    p.add_argument("-o", "--output", metavar="FILE.pdf")
    p.add_argument(
        "--profile",
        default=None,
        metavar="NAME",
        help=_(
            "the rule profile the verdict is given under (default: the clinic's payer "
            "profile if set, else nice-ta260)"
        ),
    )
    p.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    p.set_defaults(run=_letter)

    p = sub.add_parser("report", parents=[common], help=_("clinic reports"))
    reports = p.add_subparsers(title=_("reports"), metavar="REPORT", required=True)
    p = reports.add_parser(
        "outcomes",
        parents=[common, document],
        help=_(
            "the share of patients with 30%%, 50%% and 75%% fewer headache days after their "
            "2nd and 3rd treatments"
        ),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    p.add_argument("-o", "--output", metavar="FILE.pdf", help=_("also write the report as a PDF"))
    p.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    p.set_defaults(run=_report_outcomes)

    _patients_parser(sub, common)
    exports = sub.add_parser(
        "export",
        parents=[common],
        help=_("patient data for other systems (FHIR) and for spreadsheets (CSV)"),
    ).add_subparsers(title=_("formats"), metavar="FORMAT", required=True)
    _add_export_fhir(exports, common)
    _add_export_csv(exports, common)

    p = sub.add_parser(
        "verify",
        parents=[common],
        help=_("check every signed session, addendum and audit link (exit 1 naming each failure)"),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    p.set_defaults(run=_verify)

    p = sub.add_parser(
        "migrate",
        parents=[common],
        help=_(
            "PostgreSQL: create or upgrade the schema as its owner; the app role gets only "
            "what the app needs"
        ),
    )
    p.add_argument(
        "--app-role",
        required=True,
        metavar="ROLE",
        help=_("the role workstations connect as (created without a password if missing)"),
    )
    p.set_defaults(run=_migrate)
    return parser


def _add_export_fhir(exports: Any, common: argparse.ArgumentParser) -> None:
    p = exports.add_parser(
        "fhir",
        parents=[common],
        help=_("signed sessions as a FHIR R4 bundle (JSON) for an EHR"),
        description=_(
            "A FHIR R4 Bundle (collection) of the patient's signed sessions (every "
            "patient's without --patient; drafts never): Patient, Practitioner, a Procedure and a "
            "MedicationAdministration per session (addenda and adverse events with the "
            "Procedure), a Medication per lot and expiry, BodyStructures and the headache-day and "
            "migraine-day Observations. Audited as an export."
        ),
    )
    p.add_argument(
        "--patient", type=_positive_int, metavar="ID", help=_("only this patient (PATIENT_ID)")
    )
    p.add_argument(
        "--since", type=_date, metavar="DATE", help=_("only sessions on or after DATE (YYYY-MM-DD)")
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.json")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(run=_export_fhir)


def _patients_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("patients", parents=[common], help=_("the clinic's patient list"))
    commands = p.add_subparsers(title=_("commands"), metavar="COMMAND", required=True)
    p = commands.add_parser(
        "import",
        parents=[common],
        help=_("add patients from a CSV file (a spreadsheet's patient list)"),
        description=_(
            "Add the patients of a CSV file: a header row naming the columns "
            "family_name, given_names, date_of_birth, chart_number (required) and any of "
            "health_card, phone, email, referring_physician, referral_date, allergies; UTF-8 (with "
            "or without a byte-order mark), comma, semicolon or tab between values, dates "
            "YYYY-MM-DD. Each row is checked as the patient form checks it; a row whose chart "
            "number is already a patient's (or an earlier row's) is skipped, and so is a row with "
            "another chart number whose names and date of birth are (a possible duplicate, listed "
            "with that chart). Exit 1 when a row is refused: then nothing is imported unless "
            "--partial."
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE.csv")
    p.add_argument(
        "--dry-run", action="store_true", help=_("say what would be imported and change nothing")
    )
    p.add_argument(
        "--partial",
        action="store_true",
        help=_("when some rows are refused, import the valid rows all the same"),
    )
    p.set_defaults(run=_patients_import)


def _add_export_csv(exports: Any, common: argparse.ArgumentParser) -> None:
    p = exports.add_parser(
        "csv",
        parents=[common],
        help=_("one row per injection, for a spreadsheet (UTF-8 with BOM, ISO dates)"),
        description=_(
            "One row per injection charted (signed sessions and drafts) with a date of "
            "service in the range: session_id, chart_number, date, site, muscle, side, units, lots "
            "(the session's, joined with '; '), injector, status. Audited as an export."
        ),
    )
    _dates_of_service(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    p.add_argument("--force", action="store_true", help=FORCE_HELP)
    p.set_defaults(run=_export_csv)


def _dates_of_service(p: argparse.ArgumentParser) -> None:
    """--from and --to: a range of dates of service, both ends included (lot, export csv)."""
    p.add_argument(
        "--from", dest="date_from", type=_date, metavar="DATE", help=_("dates of service from DATE")
    )
    p.add_argument(
        "--to", dest="date_to", type=_date, metavar="DATE", help=_("dates of service up to DATE")
    )


def _positive_int(text: str, *, most: int | None = None) -> int:
    """A whole number from 1 to ``most`` (by default the largest id a database holds)."""
    from botox_chart.bounds import MAX_ID

    most = MAX_ID if most is None else most
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a whole number").format(text=repr(text[:40]))
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("{text} must be 1 or more").format(text=text))
    if value > most:
        raise argparse.ArgumentTypeError(
            _("{text} is too large (at most {most})").format(text=text, most=most)
        )
    return value


def _days(text: str) -> int:
    """A number of days from 0 (today only) to a year."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a whole number").format(text=repr(text[:40]))
        ) from None
    if not 0 <= value <= 366:
        raise argparse.ArgumentTypeError(_("{text} days: give 0 to 366").format(text=text))
    return value


def _date(text: str) -> date:
    """A date as YYYY-MM-DD (both ends of a range are included)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a date (YYYY-MM-DD)").format(text=repr(text[:40]))
        ) from None


def _patient_count(text: str) -> int:
    return _positive_int(text, most=MAX_DEMO_PATIENTS)


def _db(args: argparse.Namespace) -> Any:
    from botox_chart.store import open_database, roles, tls
    from botox_chart.store.engine import encryption_warning

    engine = open_database(getattr(args, "db", None), on_new_key=_show_recovery_key)
    _OPENED.append(engine)
    warnings = (encryption_warning(engine), tls.tls_warning(engine), roles.owner_warning(engine))
    for warning in warnings:
        if warning:
            print(
                _("botox-chart: warning: {message}").format(message=_one_line(warning)),
                file=sys.stderr,
            )
    return engine


_OPENED: list[Any] = []
"""The databases this command opened, closed when it ends (store.checked: so that the next
command does not check again the whole file that only this one wrote to)."""


def _close_databases() -> None:
    if not _OPENED:
        return
    from botox_chart.store import checked

    while _OPENED:
        checked.close(_OPENED.pop())


def _show_recovery_key(recovery_key: str) -> None:
    print(
        _(
            "botox-chart: a new encrypted database; its key is in this computer's keyring. "
            "Recovery key (print it, keep it in the clinic's safe; it is not shown again): {key}"
        ).format(key=recovery_key),
        file=sys.stderr,
    )


def _signed_in(args: argparse.Namespace, *, admin: str = "") -> tuple[Any, Any]:
    """The database and the clinician signed in to it; ``admin``: what only an administrator may
    do (refused for anyone else)."""
    from botox_chart.store import clinicians, transaction

    scripted = os.environ.get(USER_ENV)
    username: str = getattr(args, "user", None) or scripted or ""
    if not username:
        raise UserError(
            _(
                "Sign in first: --user NAME (the password is asked for), or set {user} and "
                "{password} for a script."
            ).format(user=USER_ENV, password=PASSWORD_ENV)
        )
    # The environment's password is for the environment's user only: --user asks for its own.
    password = os.environ.get(PASSWORD_ENV) if username == scripted else None
    if not password:
        if not sys.stdin.isatty():
            raise UserError(
                _(
                    "Signing in as {user} needs the password: run this in a terminal, or set "
                    "{password} for a script."
                ).format(user=username, password=PASSWORD_ENV)
            )
        password = getpass.getpass(_("Password for {user}: ").format(user=username))
    engine = _db(args)
    with transaction(engine) as db:
        clinician = clinicians.authenticate(db, username=username, password=password)
    if admin and not clinician.is_admin:
        raise UserError(
            _("Only an administrator can {action}; {name} is not one.").format(
                action=admin, name=clinician.display_name
            )
        )
    return engine, clinician


def _open_window(args: argparse.Namespace) -> int:
    from botox_chart.ui.app import run

    return run(db_url=getattr(args, "db", None))


def _protocol(args: argparse.Namespace) -> int:
    from botox_chart import protocol as protocols
    from botox_chart.chart import units_text

    proto = protocols.load_named(args.protocol)
    if args.json:
        document = {
            "name": proto.name,
            "total_units": _number(proto.total_units),
            "max_total_units": _number(proto.max_total_units),
            "sites": [
                {"code": s.code, "muscle": s.muscle, "side": s.side, "units": _number(s.units)}
                for s in proto.sites
            ],
            "follow_the_pain": [
                {
                    "muscle": m.code,
                    "max_extra_units": _number(m.max_extra_units),
                    "max_extra_sites": m.max_extra_sites,
                }
                for m in proto.muscles
                if m.allows_follow_the_pain
            ],
        }
        print(json.dumps(document, indent=2))
        return 0
    print(_(proto.name))
    heads = (_("Muscle"), _("Sites"), _("Units"), _("Follow-the-pain"))
    print(f"{heads[0]:<22}{heads[1]:>6}{heads[2]:>8}  {heads[3]}")
    for muscle in proto.muscles:
        sites = proto.sites_of(muscle.code)
        ftp = (
            ngettext(
                "up to +{units} U (+{sites} site)",
                "up to +{units} U (+{sites} sites)",
                muscle.max_extra_sites,
            ).format(units=units_text(muscle.max_extra_units), sites=muscle.max_extra_sites)
            if muscle.allows_follow_the_pain
            else _("none")
        )
        units = units_text(proto.standard_units(muscle.code))
        name = _(muscle.name)
        print(f"{name:<22}{len(sites):>6}{units:>8}  {ftp}")
    total = _("Total")
    print(f"{total:<22}{len(proto.sites):>6}{units_text(proto.total_units):>8}")
    print(
        _("Maximum with follow-the-pain: {units} U").format(units=units_text(proto.max_total_units))
    )
    return 0


def _demo_data(args: argparse.Namespace) -> int:
    from botox_chart.store import demo, transaction
    from botox_chart.store.engine import describe

    engine = _db(args)
    with transaction(engine) as db:
        empty = demo.is_empty(db)
    if not empty:
        raise UserError(
            _(
                "{database} is not a new, empty database; demo data goes only into one of its "
                "own (demo clinicians and signed sessions can never be removed). Use another --db."
            ).format(database=describe(engine))
        )
    progress = _ProgressBar(args.patients, _("patients")) if sys.stderr.isatty() else None
    result = demo.generate(
        engine,
        patients=args.patients,
        seed=args.seed,
        progress=progress.update if progress else None,
    )
    if progress:
        progress.finish()
    print(
        _(
            "Added {patients} patients, {sessions} sessions and {clinicians} clinicians to "
            "{database}."
        ).format(
            patients=result.patients,
            sessions=result.sessions,
            clinicians=result.clinicians,
            database=describe(engine),
        )
    )
    print(demo.sign_in_help())
    return 0


def _sessions(args: argparse.Namespace) -> int:
    from botox_chart.chart import units_text
    from botox_chart.store import sessions, transaction

    engine, _clinician = _signed_in(args)
    with transaction(engine) as db:
        found = sessions.summaries(db, patient_text=args.patient)
    if args.json:
        document = [
            {
                "id": s.id,
                "patient_id": s.patient_id,
                "patient": s.patient,
                "chart_number": s.chart_number,
                "date": s.date_of_service.isoformat(),
                "status": s.status,
                "total_units": _number(s.total_units),
                "sites": s.sites,
                "lot_number": s.lots[0] if s.lots else "",
                "lots": list(s.lots),
                "injector": s.injector,
            }
            for s in found
        ]
        json.dump(document, sys.stdout, indent=1)
        print()
        return 0
    if not found:
        print(_("No sessions."))
        return 0
    print(
        _columns(
            ("ID", 7),
            (_("Date"), -10),
            (_("Patient"), -32),
            (_("Status"), -6),
            (_("Units"), 6),
            (_("Sites"), 0),
        )
    )
    for s in found:
        patient = _one_line(s.patient)[:32]  # rows stored before names were checked
        print(
            f"{s.id:>7}  {_day(s.date_of_service):<10}  {patient:<32}  "
            f"{_(s.status):<6}  {units_text(s.total_units):>6}  {s.sites:>5}"
        )
    return 0


def _due(args: argparse.Namespace) -> int:
    from botox_chart import due, output
    from botox_chart.note import render
    from botox_chart.store import transaction
    from botox_chart.store.due import histories
    from botox_chart.store.engine import sqlite_path

    engine, clinician = _signed_in(args)
    with transaction(engine) as db:
        found = due.due_list(histories(db), date.today(), within=args.within, overdue=args.overdue)
    # Both files checked before either is written, and before the listing: a refused name
    # leaves nothing half done.
    targets = [t for t in (args.output, args.csv) if t is not None]
    if len(targets) == 2 and Path(targets[0]).resolve() == Path(targets[1]).resolve():
        raise UserError(
            _("-o and --csv name the same file ({file}); give two names.").format(file=targets[0])
        )
    for target in targets:
        output.check_target(target, force=args.force, database=sqlite_path(engine))
    written = []
    if args.output is not None:
        written.append(
            render.write_due_list(
                engine,
                found=found,
                path=args.output,
                force=args.force,
                clinician_id=clinician.id,
                language=_document_language(args),
                paper=args.paper,
            )
        )
    if args.csv is not None:
        written.append(
            render.write_due_list_csv(
                engine, found=found, path=args.csv, force=args.force, clinician_id=clinician.id
            )
        )
    for path in written:
        print(_wrote(path), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        json.dump([due.record(r) for r in found.rows], sys.stdout, indent=1, ensure_ascii=False)
        print()
        return 0
    if not found.rows:
        print(_("Nobody is due."))
        return 0
    print(
        _columns(
            (i18n.pgettext("column", "Next due"), -10),
            (_("Overdue"), 7),
            (_("Patient"), -28),
            (_("Chart"), -10),
            (_("Phone"), -16),
            (_("Last"), -10),
            (_("Injector"), -20),
            (_("Marks"), 0),
        )
    )
    for r in found.rows:
        if r.days_overdue is None:
            overdue = ""
        else:
            overdue = f"{r.days_overdue:+d}" if r.days_overdue else "0"
        print(
            f"{_day(r.next_due) if r.next_due else '-':<10}  {overdue:>7}  "
            f"{_one_line(r.patient)[:28]:<28}  {_one_line(r.chart_number)[:10]:<10}  "
            f"{_one_line(r.phone)[:16]:<16}  "
            f"{_day(r.last_date) if r.last_date else '-':<10}  "
            f"{_one_line(r.injector)[:20]:<20}  {', '.join(r.marks)}".rstrip()
        )
    return 0


def _lot(args: argparse.Namespace) -> int:
    from botox_chart import output
    from botox_chart.chart import units_text
    from botox_chart.note import render
    from botox_chart.recall import check_lot, check_period
    from botox_chart.store import transaction
    from botox_chart.store.engine import sqlite_path
    from botox_chart.store.recall import recall_list

    try:
        check_lot(args.lot)
        check_period(args.date_from, args.date_to)
    except ValueError as err:
        raise UserError(str(err)) from None
    engine, clinician = _signed_in(args)
    if args.output is not None:  # a refused file name before the listing is audited
        output.check_target(args.output, force=args.force, database=sqlite_path(engine))
    with transaction(engine) as db:
        found = recall_list(
            db,
            args.lot,
            clinician_id=clinician.id,
            date_from=args.date_from,
            date_to=args.date_to,
        )
        db.commit()  # the listing is audited before anything is shown
    if args.output is not None:
        written = render.write_lot_recall(
            engine,
            found=found,
            path=args.output,
            force=args.force,
            clinician_id=clinician.id,
            language=_document_language(args),
            paper=args.paper,
        )
        print(_wrote(written), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        json.dump([r.as_json() for r in found.rows], sys.stdout, indent=1, ensure_ascii=False)
        print()
        return 0
    lot = _one_line(found.lot)
    if not found.rows:
        period = "" if found.date_from is None and found.date_to is None else f" {found.period}"
        print(_("No session used lot {lot}{period}.").format(lot=lot, period=period))
        return 0
    print(
        _("Lot {lot}, {period}: {sessions}, {patients}, {units} U from the lot.").format(
            lot=lot,
            period=found.period,
            sessions=ngettext("{count} session", "{count} sessions", found.sessions).format(
                count=found.sessions
            ),
            patients=ngettext("{count} patient", "{count} patients", found.patients).format(
                count=found.patients
            ),
            units=units_text(found.units),
        )
    )
    print(
        _columns(
            (_("Date"), -10),
            (_("Session"), 7),
            (_("Status"), -6),
            (_("Patient"), -28),
            (_("Chart"), -10),
            (_("Phone"), -16),
            (_("E-mail"), -28),
            (_("Units"), 6),
            (_("Injector"), 0),
        )
    )
    for r in found.rows:
        print(
            f"{_day(r.date):<10}  {r.session_id:>7}  {_(r.status):<6}  "
            f"{_one_line(r.patient)[:28]:<28}  {_one_line(r.chart_number)[:10]:<10}  "
            f"{_one_line(r.phone)[:16]:<16}  {_one_line(r.email)[:28]:<28}  "
            f"{units_text(r.units_from_lot):>6}  {_one_line(r.injector)}".rstrip()
        )
    return 0


def _patients_import(args: argparse.Namespace) -> int:
    """Exit 0 when every row is valid (duplicates skipped are not refusals), 1 when a row is
    refused, whether or not the valid rows were imported (--partial) or it was a dry run."""
    from botox_chart.exchange import patient_import

    found = patient_import.read(args.file)
    engine, clinician = _signed_in(args)
    planned = patient_import.plan(
        engine, found, file_name=args.file.name, clinician_id=clinician.id
    )
    for problem in planned.refused:
        print(
            _("Row {row}: refused: {reason}").format(
                row=problem.row, reason=_one_line(problem.reason)
            )
        )
    for problem in planned.duplicates:
        print(
            _("Row {row}: skipped: {reason}").format(
                row=problem.row, reason=_one_line(problem.reason)
            )
        )
    counts = _("{duplicates} skipped as duplicates, {refused} refused (of {rows} rows)").format(
        duplicates=len(planned.duplicates), refused=len(planned.refused), rows=planned.rows
    )
    if args.dry_run:
        would = _("would be added") if planned.valid or args.partial else _("could be added")
        print(
            _("Dry run, nothing was changed: {count} {would}, {counts}.").format(
                count=len(planned.to_add), would=would, counts=counts
            )
        )
    elif planned.refused and not args.partial:
        print(
            ngettext(
                "Nothing was imported: {counts}. Correct the refused rows, or add --partial to "
                "import the valid {count} row only.",
                "Nothing was imported: {counts}. Correct the refused rows, or add --partial to "
                "import the valid {count} rows only.",
                len(planned.to_add),
            ).format(counts=counts, count=len(planned.to_add))
        )
    else:
        added = patient_import.apply(
            engine, planned, clinician_id=clinician.id, partial=args.partial
        )
        print(
            _("Imported {file}: {added} added, {counts}.").format(
                file=_one_line(args.file.name), added=added, counts=counts
            )
        )
    return 0 if planned.valid else EXIT_USER_ERROR


def _export_csv(args: argparse.Namespace) -> int:
    from botox_chart import output
    from botox_chart.exchange import injections_csv
    from botox_chart.recall import check_period
    from botox_chart.store.engine import sqlite_path

    try:
        check_period(args.date_from, args.date_to)
    except ValueError as err:
        raise UserError(str(err)) from None
    engine, clinician = _signed_in(args)
    output.check_target(args.output, force=args.force, database=sqlite_path(engine))
    written, rows = injections_csv.write(
        engine,
        args.output,
        date_from=args.date_from,
        date_to=args.date_to,
        force=args.force,
        clinician_id=clinician.id,
    )
    print(
        ngettext(
            "Wrote {count} injection to {file}", "Wrote {count} injections to {file}", rows
        ).format(count=rows, file=_one_line(str(written)))
    )
    return 0


def _lots(args: argparse.Namespace) -> int:
    from botox_chart.chart import units_text
    from botox_chart.store import transaction
    from botox_chart.store.recall import lots

    engine, _clinician = _signed_in(args)
    with transaction(engine) as db:
        found = lots(db)
    if args.json:
        json.dump([s.as_json() for s in found], sys.stdout, indent=1, ensure_ascii=False)
        print()
        return 0
    if not found:
        print(_("No vial has a lot yet."))
        return 0
    today = date.today()
    print(
        _columns(
            (_("Lot"), -20),
            (_("Expiry"), -10),
            (_("Vials"), 5),
            (_("Sessions"), 8),
            (i18n.pgettext("column", "Drawn U"), 8),
            (i18n.pgettext("column", "Wasted U"), 8),
            (i18n.pgettext("column", "First used"), -10),
            (i18n.pgettext("column", "Last used"), -10),
            (_("Marks"), 0),
        )
    )
    for s in found:
        marks = ", ".join(
            mark
            for mark, on in (
                (_("expired"), s.expiry is not None and s.expiry < today),
                (
                    ngettext("{count} draft", "{count} drafts", s.drafts).format(count=s.drafts),
                    s.drafts > 0,
                ),
            )
            if on
        )
        print(
            f"{_one_line(s.lot)[:20]:<20}  {_day(s.expiry) if s.expiry else '-':<10}  "
            f"{s.vials:>5}  {s.sessions:>8}  {units_text(s.units_drawn):>8}  "
            f"{units_text(s.units_wasted):>8}  {_day(s.first_used):<10}  "
            f"{_day(s.last_used):<10}  {marks}".rstrip()
        )
    return 0


def _note(args: argparse.Namespace) -> int:
    from botox_chart.note import render
    from botox_chart.store import verify

    engine, clinician = _signed_in(args)
    output = Path(f"session-{args.session_id}.pdf") if args.output is None else args.output
    written = render.write_session_note(
        engine,
        session_id=args.session_id,
        path=output,
        force=args.force,
        clinician_id=clinician.id,
        language=_document_language(args),
        paper=args.paper,
    )
    print(_wrote(written))
    with engine.connect() as connection:
        problems = verify.session_problems(connection, session_id=args.session_id)
    if problems:
        print(
            _(
                "botox-chart: session {session} does not match its signature (the note says so "
                "on every page): {problem}"
            ).format(session=args.session_id, problem=_one_line(problems[0].detail)),
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    return 0


def _export_fhir(args: argparse.Namespace) -> int:
    from botox_chart import fhir, output
    from botox_chart.note import render
    from botox_chart.store.engine import sqlite_path

    engine, clinician = _signed_in(args)
    output.check_target(args.output, force=args.force, database=sqlite_path(engine))
    found = render.fhir_bundle(engine, patient_id=args.patient, since=args.since)
    written = render.write_fhir_bundle(
        engine,
        found=found,
        path=args.output,
        force=args.force,
        clinician_id=clinician.id,
        patient_id=args.patient,
        since=args.since,
    )
    tally = fhir.counts(found)
    patients, sessions = tally.get("Patient", 0), tally.get("Procedure", 0)
    lots, observations = tally.get("Medication", 0), tally.get("Observation", 0)
    print(
        _("Wrote {file}: {patients}, {sessions}, {lots}, {observations}.").format(
            file=_one_line(str(written)),
            patients=ngettext("{count} patient", "{count} patients", patients).format(
                count=patients
            ),
            sessions=ngettext("{count} signed session", "{count} signed sessions", sessions).format(
                count=sessions
            ),
            lots=ngettext("{count} lot", "{count} lots", lots).format(count=lots),
            observations=ngettext(
                "{count} observation", "{count} observations", observations
            ).format(count=observations),
        )
    )
    return 0


def _verify(args: argparse.Namespace) -> int:
    from botox_chart.store import verify

    engine, _clinician = _signed_in(args)
    progress = None
    if sys.stderr.isatty() and not args.json:

        def progress(step: str) -> None:
            print(_("Checking {step}…").format(step=step), file=sys.stderr, flush=True)

    report = verify.verify(engine, progress=progress)
    if args.json:
        json.dump(report.as_json(), sys.stdout, indent=1)
        print()
    else:
        for warning in report.warnings:
            print(_("WARNING: {warning}").format(warning=_one_line(warning)))
        for problem in report.problems:
            print(
                _("FAILED {kind}: {detail}").format(
                    kind=problem.kind, detail=_one_line(problem.detail)
                )
            )
        found = len(report.problems)
        verdict = (
            _("All records hold")
            if report.ok
            else ngettext("{count} problem found", "{count} problems found", found).format(
                count=found
            )
        )
        print(
            _("{verdict}: {sessions} signed sessions and {events} audit events checked.").format(
                verdict=verdict,
                sessions=report.sessions_checked,
                events=report.events_checked,
            )
        )
    return 0 if report.ok else EXIT_USER_ERROR


def _record(args: argparse.Namespace) -> int:
    from botox_chart.note import render

    engine, clinician = _signed_in(args)
    output = Path(f"patient-{args.patient_id}-record.pdf") if args.output is None else args.output
    written = render.write_treatment_record(
        engine,
        patient_id=args.patient_id,
        path=output,
        force=args.force,
        clinician_id=clinician.id,
        language=_document_language(args),
        paper=args.paper,
    )
    print(_wrote(written))
    return 0


def _outcomes(args: argparse.Namespace) -> int:
    from botox_chart import outcomes
    from botox_chart.store import outcomes as store_outcomes
    from botox_chart.store import patients, transaction

    profile = outcomes.load_profile(args.profile or outcomes.DEFAULT_PROFILE)
    engine, _clinician = _signed_in(args)
    with transaction(engine) as db:
        patients.get(db, patient_id=args.patient_id)  # "There is no patient N."
        course = store_outcomes.course(db, args.patient_id)
    found = outcomes.verdict(course, profile)
    drawn = outcomes.trend(course, profile)
    baseline = course.baseline
    if args.json:
        document = {
            "patient_id": course.patient_id,
            "profile": profile.name,
            "baseline": None
            if baseline is None
            else {
                "date": baseline.date.isoformat(),
                "headache_days": _number(baseline.headache_days),
                "migraine_days": None
                if baseline.migraine_days is None
                else _number(baseline.migraine_days),
                "window_days": baseline.window_days,
            },
            "cycles": [
                {
                    "session_id": c.session_id,
                    "date": c.date.isoformat(),
                    "cycle": c.cycle,
                    "total_units": _number(c.total_units),
                    "headache_days": c.headache_days,
                    "migraine_days": c.migraine_days,
                    "window_days": c.window_days,
                    "headache_days_per_28": _optional_number(point.headache_per_28),
                    "change_percent": _optional_number(point.change_percent),
                }
                for c, point in zip(course.cycles, drawn.points, strict=True)
            ],
            "verdict": found.code,
            "reason": found.reason,
        }
        json.dump(document, sys.stdout, indent=1, ensure_ascii=False)
        print()
        return 0
    print(
        _("Patient {patient} under {title} ({profile})").format(
            patient=course.patient_id, title=_(profile.title), profile=profile.name
        )
    )
    if baseline is None:
        print(_("Baseline: none recorded (an eligibility assessment gives it)"))
    else:
        print(
            _("Baseline: {days} headache days per 28 days (assessment ending {date})").format(
                days=i18n.number(str(drawn.baseline_headache_per_28)),
                date=i18n.date(baseline.date),
            )
        )
    print(
        _columns(
            (_("Cycle"), 5),
            (_("Date"), -10),
            (_("Units"), 6),
            (_("Headache/28"), 11),
            (i18n.pgettext("column", "Change"), 7),
        )
    )
    for c, point in zip(course.cycles, drawn.points, strict=True):
        per_28 = "—" if point.headache_per_28 is None else i18n.number(point.headache_per_28)
        change = (
            "—"
            if point.change_percent is None
            else ("+" if point.change_percent >= 0 else "") + i18n.percent(point.change_percent)
        )
        print(
            f"{c.cycle:>5}  {_day(c.date):<10}  {i18n.number(_number(c.total_units)):>6}  "
            f"{per_28:>11}  {change:>7}"
        )
    print(_("Verdict: {code}. {reason}").format(code=found.code, reason=found.reason))
    return 0


def _letter(args: argparse.Namespace) -> int:
    from botox_chart.note import data, render
    from botox_chart.store import transaction

    engine, clinician = _signed_in(args)
    with transaction(engine) as db:
        profile = data.letter_profile(db, args.profile)
    suggested = render.letter_file_name(engine, patient_id=args.patient_id)
    output = Path(suggested) if args.output is None else args.output
    written = render.write_letter(
        engine,
        patient_id=args.patient_id,
        profile=profile,
        path=output,
        force=args.force,
        clinician_id=clinician.id,
        language=_document_language(args),
        paper=args.paper,
    )
    print(_wrote(written))
    return 0


def _report_outcomes(args: argparse.Namespace) -> int:
    from botox_chart import outcomes
    from botox_chart.note import render
    from botox_chart.store import outcomes as store_outcomes
    from botox_chart.store import transaction

    engine, clinician = _signed_in(args)
    with transaction(engine) as db:
        found = outcomes.report(store_outcomes.clinic_courses(db))
    if args.output is not None:
        written = render.write_outcomes_report(
            engine,
            path=args.output,
            force=args.force,
            clinician_id=clinician.id,
            found=found,
            language=_document_language(args),
            paper=args.paper,
        )
        print(_wrote(written), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        json.dump(_report_json(found), sys.stdout, indent=1)
        print()
        return 0
    print(
        ngettext("{count} patient", "{count} patients", found.patients).format(count=found.patients)
    )
    for milestone in found.milestones:
        print(
            _(
                "After the {ordinal} treatment (figure at the visit of cycle {cycle}): {judged} "
                "judged, {excluded} left out (no baseline {no_baseline}, fewer treatments "
                "{too_few}, no figure {no_figure})"
            ).format(
                ordinal=i18n.ordinal(milestone.after_treatments),
                cycle=milestone.at_cycle,
                judged=milestone.judged,
                excluded=milestone.excluded,
                no_baseline=milestone.no_baseline,
                too_few=milestone.too_few_treatments,
                no_figure=milestone.no_figure,
            )
        )
        for count in milestone.responders:
            share = "—" if count.percent is None else i18n.percent(count.percent)
            print(
                _("  ≥{threshold} fewer headache days: {share} ({patients} of {judged})").format(
                    threshold=i18n.percent(count.threshold_percent),
                    share=share,
                    patients=count.patients,
                    judged=milestone.judged,
                )
            )
    return 0


def _report_json(found: Any) -> dict[str, Any]:
    return {
        "patients": found.patients,
        "milestones": [
            {
                "after_treatments": m.after_treatments,
                "at_cycle": m.at_cycle,
                "judged": m.judged,
                "excluded": {
                    "total": m.excluded,
                    "no_baseline": m.no_baseline,
                    "too_few_treatments": m.too_few_treatments,
                    "no_figure": m.no_figure,
                },
                "responders": [
                    {
                        "threshold_percent": c.threshold_percent,
                        "patients": c.patients,
                        "percent": _optional_number(c.percent),
                    }
                    for c in m.responders
                ],
            }
            for m in found.milestones
        ],
    }


def _wrote(path: object) -> str:
    return _("Wrote {file}").format(file=_one_line(str(path)))


def _day(day: date) -> str:
    """A date in a text table: fr_CA's numeric form is ISO's, so columns stay aligned."""
    return i18n.date(day, numeric=True)


def _columns(*headings: tuple[str, int]) -> str:
    """A text table's heading line: each heading padded to its width (negative: left-aligned,
    0: the last column, unpadded), two spaces apart."""
    cells = []
    for text, width in headings:
        if width < 0:
            cells.append(text.ljust(-width))
        elif width > 0:
            cells.append(text.rjust(width))
        else:
            cells.append(text)
    return "  ".join(cells).rstrip()


def _backup(args: argparse.Namespace) -> int:
    from botox_chart.store import backup

    engine, _clinician = _signed_in(args)
    written = backup.backup(engine, args.output, force=args.force)
    print(_("Backed up to {file}").format(file=_one_line(str(written))))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from botox_chart.store import backup, cipher
    from botox_chart.store.engine import describe, sqlite_path

    engine, _clinician = _signed_in(args, admin="restore a backup")
    database = sqlite_path(engine)
    key = cipher.key_of(engine, database) if database is not None else None
    info = backup.inspect(args.file, database=database, database_key=key)
    print(
        _one_line(
            _("{file} holds {patients} patients and {sessions} sessions (newest {newest}).").format(
                file=args.file,
                patients=info.patients,
                sessions=info.sessions,
                newest=info.newest_session or _("none"),
            )
        )
    )
    print(
        _("Restoring replaces everything now in {database}; it is saved first.").format(
            database=describe(engine)
        )
    )
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(_("restore needs confirmation: run it in a terminal, or add --yes."))
        if input(_("Type 'restore' to go on: ")).strip().lower() != "restore":
            print(_("Nothing was changed."))
            return EXIT_USER_ERROR
    safety = backup.restore(engine, args.file)
    print(_("Restored. The data it replaced is saved in {file}").format(file=safety))
    return 0


def _encrypt(args: argparse.Namespace) -> int:
    from botox_chart.store import encryption

    engine, clinician = _signed_in(args, admin="encrypt the database")
    change = encryption.encrypt(engine, clinician_id=clinician.id)
    _print_key_change(_("Encrypted"), change)
    return 0


def _rekey(args: argparse.Namespace) -> int:
    from botox_chart.store import encryption

    engine, clinician = _signed_in(args, admin="change the database's key")
    change = encryption.rekey(engine, clinician_id=clinician.id)
    _print_key_change(_("The key was changed"), change)
    return 0


def _print_key_change(what: str, change: Any) -> None:
    from botox_chart.store import cipher

    if change.backups:
        print(
            ngettext(
                "{what}: the database and {count} backup.",
                "{what}: the database and {count} backups.",
                len(change.backups),
            ).format(what=what, count=len(change.backups))
        )
    else:
        print(_("{what}: the database.").format(what=what))
    for skipped in change.skipped:
        print(_("Left as it was (another key): {file}").format(file=_one_line(str(skipped))))
    if change.in_keyring:
        print(_("The key is kept in this computer's keyring."))
    else:
        print(
            _("Set {variable} to this recovery key wherever the database is opened.").format(
                variable=cipher.KEY_ENV
            )
        )
    print(_("Recovery key (print it and keep it in the clinic's safe; it is not shown again):"))
    print(f"    {change.recovery_key}")


def _migrate(args: argparse.Namespace) -> int:
    from botox_chart.store import roles

    for line in roles.migrate_as_owner(getattr(args, "db", None), app_role=args.app_role):
        print(line)
    return 0


def _number(value: Any) -> int | float:
    """Units for JSON: whole numbers as int (155), others as float (7.5)."""
    return int(value) if value == int(value) else float(value)


def _optional_number(value: Any) -> int | float | None:
    return None if value is None else _number(value)


class _ProgressBar:
    """A one-line progress bar on stderr for long commands run in a terminal."""

    def __init__(self, total: int, what: str) -> None:
        self.total = total
        self.what = what

    def update(self, done: int) -> None:
        width = 30
        filled = width * done // max(self.total, 1)
        bar = "#" * filled + "-" * (width - filled)
        print(f"\r[{bar}] {done}/{self.total} {self.what}", end="", file=sys.stderr, flush=True)

    def finish(self) -> None:
        self.update(self.total)
        print(file=sys.stderr)
