"""The names suggested for saved PDFs: patient and date, safe on any file system, accents kept."""

from __future__ import annotations

from datetime import date

import pytest

from botox_chart.note.file_names import (
    PART_LIMIT,
    procedure_note_name,
    safe_part,
    treatment_record_name,
)

DEC_1 = date(2026, 12, 1)


def test_a_note_is_named_family_given_date_and_what_it_is() -> None:
    assert (
        procedure_note_name("Gagnon", "Élise", [DEC_1])
        == "Gagnon_Élise_2026-12-01_procedure-note.pdf"
    )


def test_several_notes_give_their_first_and_last_dates() -> None:
    name = procedure_note_name("Roy", "Luc", [DEC_1, date(2026, 3, 2), date(2026, 6, 1)])
    assert name == "Roy_Luc_2026-03-02-to-2026-12-01_procedure-notes.pdf"


def test_notes_of_several_patients_name_no_one() -> None:
    assert procedure_note_name("", "", [DEC_1, DEC_1]) == "2026-12-01_procedure-notes.pdf"


def test_a_record_is_named_family_given() -> None:
    assert treatment_record_name("Żółć", "Łukasz") == "Żółć_Łukasz_treatment-record.pdf"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Côté", "Côté"),
        ("Marie Ève", "Marie-Ève"),  # spaces → "-", always
        ("Pelletier-Hébert", "Pelletier-Hébert"),
        ("O'Brien", "OBrien"),
        ("  de  la Cruz ", "de-la-Cruz"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-fg-h-i-j"),  # quotes vanish
        ("../../etc", "etc"),
        ("Nguyễn\tVăn\nAn", "Nguyễn-Văn-An"),
        ("Ho_Chi", "Ho-Chi"),  # "_" only ever separates the fields
        ("Cote\u0301", "Coté"),  # decomposed accents are composed (NFC)
    ],
)
def test_names_are_made_safe_for_any_file_system_keeping_their_letters(
    name: str, safe: str
) -> None:
    assert safe_part(name) == safe


def test_a_long_name_is_cut_short() -> None:
    name = treatment_record_name("A" * 200, "B" * 200)
    assert name == f"{'A' * PART_LIMIT}_{'B' * PART_LIMIT}_treatment-record.pdf"
    assert len(name.encode()) < 255


def test_a_name_of_nothing_but_symbols_is_left_out() -> None:
    assert treatment_record_name("???", "Anne") == "Anne_treatment-record.pdf"
