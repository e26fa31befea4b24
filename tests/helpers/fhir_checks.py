"""What every exported FHIR bundle must satisfy: the ``fhir.resources`` R4B models parse it (the
closest models to R4), and our own checks of what they do not enforce: the code systems are the
URIs the codes file names, every reference resolves to an entry of the bundle, quantities are
UCUM, ids are the entries' urn:uuid full URLs, and no draft session is in it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from botox_chart import fhir

EXPECTED_SYSTEMS = {
    "http://snomed.info/sct",
    "http://hl7.org/fhir/sid/icd-10-cm",
    "http://www.ama-assn.org/go/cpt",
    "http://terminology.hl7.org/CodeSystem/v2-0203",
}
"""Every coding's system: SNOMED CT, ICD-10-CM, CPT, the v2 identifier types."""
UCUM = "http://unitsofmeasure.org"


def check_bundle(found: Mapping[str, Any], *, draft_ids: Sequence[int] = ()) -> Bundle:
    """The bundle, parsed by fhir.resources; AssertionError naming what breaks our rules."""
    parsed = Bundle.model_validate(found)
    assert found["type"] == "collection"
    urls = [entry["fullUrl"] for entry in found["entry"]]
    assert len(urls) == len(set(urls)), "an entry appears twice"
    for entry in found["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
    unresolved = [ref for ref in references(found) if ref not in set(urls)]
    assert not unresolved, f"references outside the bundle: {unresolved[:3]}"
    systems = {coding["system"] for coding in codings(found)}
    assert systems <= EXPECTED_SYSTEMS, systems - EXPECTED_SYSTEMS
    for quantity in quantities(found):
        assert quantity["system"] == UCUM and quantity["code"], quantity
    dose_codes = {q["code"] for q in quantities(found, "dose")}
    assert dose_codes <= {"[USP'U]"}
    drafts = {fhir.resource_id("session", sid, *kind) for sid in draft_ids for kind in KINDS}
    assert not drafts & {entry["resource"]["id"] for entry in found["entry"]}, "a draft left"
    return parsed


KINDS = (
    ("procedure",),
    ("administration",),
    ("observation", "headache_days"),
    ("observation", "migraine_days"),
)
"""What a session becomes (fhir.resource_id("session", id, *kind)): none of a draft's may appear."""


def resources(found: Mapping[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in found["entry"] if e["resource"]["resourceType"] == kind]


def tally(found: Mapping[str, Any]) -> Counter[str]:
    return Counter(e["resource"]["resourceType"] for e in found["entry"])


def references(found: Any) -> Iterator[str]:
    """Every ``reference`` anywhere in ``found``."""
    yield from (value for key, value in _walk(found) if key == "reference")


def codings(found: Any) -> Iterator[dict[str, Any]]:
    for key, value in _walk(found):
        if key == "coding":
            yield from value


def quantities(found: Any, name: str = "") -> Iterator[dict[str, Any]]:
    """Every Quantity (``valueQuantity``, ``dose``); only those named ``name`` if given."""
    wanted = (name,) if name else ("valueQuantity", "dose")
    for key, value in _walk(found):
        if key in wanted:
            yield value


def _walk(found: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(found, Mapping):
        for key, value in found.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(found, list):
        for item in found:
            yield from _walk(item)
