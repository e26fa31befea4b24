"""Clinic settings stored in the database, so every workstation prints the same letterhead."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from sqlmodel import Session

from botox_chart import bounds, gs1, i18n, outcomes
from botox_chart import paper as papers
from botox_chart.i18n import N_, _
from botox_chart.store import acting, audit
from botox_chart.store.models import Setting

KEY = "clinic"
BILLING = ("none", "us", "canada")
LOCKOUT_MINUTES = 15
LOCKOUT_RANGE = (1, 1440)
"""How long an account stays locked after too many failed sign-ins (store.throttle): at least a
minute, at most a day (an administrator can unlock it sooner)."""


class SettingsError(ValueError):
    """Clinic settings that cannot be stored, in words for the user."""


@dataclass(frozen=True)
class ClinicSettings:
    name: str = "Headache Clinic"
    address: str = ""
    phone: str = ""
    logo_path: str = ""
    billing: str = "none"
    """"none", "us" (CPT 64615, HCPCS J0585 with JW/JZ) or "canada" (a provincial code)."""
    provincial_code: str = ""
    din_ndc: str = ""
    """The product's DIN (Canada) or NDC (US), filled into new sessions."""
    idle_lock_minutes: str = "5"
    """Minutes without keyboard or mouse input before the window locks (the app keeps it to
    1-120; a text like every field here)."""
    lockout_minutes: str = str(LOCKOUT_MINUTES)
    """Minutes an account stays locked after 10 failed sign-ins in a row (kept to
    :data:`LOCKOUT_RANGE` by :func:`lockout_minutes`)."""
    product_gtins: str = ""
    """The GTINs (GS1 (01), 14 digits) of the product cartons the clinic accepts, separated by
    spaces or commas: a scanned carton with another GTIN is refused; "" checks none
    (:func:`accepted_gtins`, docs/clinical-reference.md §11)."""
    payer_profile: str = ""
    """The continuation rule profile of the clinic's payer (``resources/rules/<name>.toml`` or
    the clinic's own), judged beside NICE TA260's; "" for none (botox_chart.outcomes)."""
    language: str = field(default_factory=i18n.system_language)
    """The language the clinic's documents print in ("en" or "fr", :data:`i18n.LANGUAGES`): the
    note, the record, the letter, the lists. Until an administrator chooses, the computer's."""
    paper: str = papers.FROM_LOCALE
    """The paper every document prints on: "a4", "letter", or "" for the paper of the
    computer's locale (botox_chart.paper: Letter in the US, Canada and a few more, else A4)."""


TEXT = {
    "name": (N_("the clinic's name"), 120),
    "address": (N_("the clinic's address"), 500),
    "phone": (N_("the clinic's phone number"), 40),
    "logo_path": (N_("the logo file's name"), 1000),
    "provincial_code": (N_("the provincial billing code"), 40),
    "din_ndc": (N_("the DIN/NDC"), 40),
    "product_gtins": (N_("the accepted product GTINs"), 300),
    "idle_lock_minutes": (N_("the minutes before the window locks"), 10),
    "lockout_minutes": (N_("the minutes an account stays locked"), 10),
}
"""Each text setting in the user's words, and its longest; only the address has several lines."""


def load(db: Session) -> ClinicSettings:
    row = db.get(Setting, KEY)
    stored: dict[str, Any] = row.value if row is not None and isinstance(row.value, dict) else {}
    known = {f.name for f in fields(ClinicSettings)}
    loaded = {k: str(v) for k, v in stored.items() if k in known}
    # A value this version does not know (a newer workstation's language or paper on a shared
    # database, or a hand edit) falls back to the default rather than failing every document.
    if "language" in loaded:
        language = i18n.known(loaded.pop("language"))
        if language is not None:
            loaded["language"] = language
    if "paper" in loaded and loaded["paper"] not in papers.CHOICES:
        del loaded["paper"]
    return ClinicSettings(**loaded)


def accepted_gtins(text: str) -> tuple[str, ...]:
    """The product GTINs of the setting, in order, each once; SettingsError naming one that is
    not a GTIN (14 digits whose last is the GS1 check digit of the others)."""
    found: list[str] = []
    for gtin in text.replace(",", " ").split():
        if len(gtin) != 14 or not gtin.isascii() or not gtin.isdigit():
            raise SettingsError(
                _("{gtin} is not a GTIN: a carton's GTIN (01) has 14 digits.").format(gtin=gtin)
            )
        if int(gtin[13]) != gs1.gtin_check_digit(gtin[:13]):
            raise SettingsError(
                _("{gtin} is not a GTIN: its check digit is wrong (a typing slip?).").format(
                    gtin=gtin
                )
            )
        if gtin not in found:
            found.append(gtin)
    return tuple(found)


def lockout_minutes(text: str) -> int:
    """The lockout setting as minutes: a number kept to :data:`LOCKOUT_RANGE`; anything else is
    the default, 15."""
    try:
        minutes = int(str(text).strip())
    except ValueError:
        return LOCKOUT_MINUTES
    low, high = LOCKOUT_RANGE
    return min(max(minutes, low), high)


def save(db: Session, *, settings: ClinicSettings, clinician_id: int | None) -> None:
    """Store the settings (administrators only); SettingsError for a value the record cannot hold
    or a clinician who may not change them."""
    acting.administrator(
        db, clinician_id, doing=_("change the clinic settings"), error=SettingsError
    )
    if settings.language not in i18n.LANGUAGES:
        raise SettingsError(
            _("Unknown document language {language}.").format(language=repr(settings.language))
        )
    if settings.billing not in BILLING:
        raise SettingsError(
            _("Unknown billing scheme {billing}.").format(billing=repr(settings.billing))
        )
    if settings.payer_profile and settings.payer_profile not in outcomes.available_profiles():
        raise SettingsError(
            _("There is no continuation rule profile {profile} (a file {file}).").format(
                profile=repr(settings.payer_profile), file=f"rules/{settings.payer_profile}.toml"
            )
        )
    if settings.paper not in papers.CHOICES:
        raise SettingsError(
            _("Unknown paper {paper}: A4 or Letter.").format(paper=repr(settings.paper))
        )
    accepted_gtins(settings.product_gtins)
    try:
        for name, (label, longest) in TEXT.items():
            bounds.check_text(
                getattr(settings, name), label, multiline=name == "address", max_length=longest
            )
    except bounds.OutOfBounds as err:
        raise SettingsError(str(err)) from None
    row = db.get(Setting, KEY)
    before = row.value if row is not None and isinstance(row.value, dict) else {}
    value = asdict(settings)
    if row is None:
        db.add(Setting(key=KEY, value=value))
    else:
        row.value = value
    audit.record(
        db,
        action="settings",
        clinician_id=clinician_id,
        changes=audit.changed_fields(before, value),
    )
    db.commit()
