"""Reading a patient list as spreadsheets save it (exchange.patient_csv): pure, no database."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from botox_chart.exchange.patient_csv import MAX_COLUMNS, REQUIRED, CsvRefused, parse
from botox_chart.store import patients

HEADER = "family_name,given_names,date_of_birth,chart_number"


def test_the_header_is_matched_whatever_its_case_and_the_spaces_around() -> None:
    found = parse(
        b" Family_Name ,GIVEN_NAMES,Date_of_Birth , chart_number,Email\n"
        b"Cote,Elise,1980-05-17,C1,e@x.org\n"
    )
    assert found.columns == ("family_name", "given_names", "date_of_birth", "chart_number", "email")
    (row,) = found.rows
    assert row.values["email"] == "e@x.org" and row.number == 2


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_comma_semicolon_and_tab_separated_files_read_alike(separator: str) -> None:
    text = f"{HEADER}\nCôté,Élise,1980-05-17,C1\n".replace(",", separator)
    found = parse(text.encode())
    assert found.separator == separator
    assert found.rows[0].values == {
        "family_name": "Côté",
        "given_names": "Élise",
        "date_of_birth": "1980-05-17",
        "chart_number": "C1",
    }


def test_a_semicolon_file_keeps_commas_inside_values() -> None:
    found = parse(
        f"{HEADER};allergies\nCôté;Élise;1980-05-17;C1;latex, penicillin\n".replace(
            ",", ";", 3
        ).encode()
    )
    assert found.rows[0].values["allergies"] == "latex, penicillin"


def test_a_byte_order_mark_is_not_part_of_the_first_column() -> None:
    found = parse(codecs.BOM_UTF8 + f"{HEADER}\nA,B,1980-05-17,C1\n".encode())
    assert found.columns[0] == "family_name"
    assert found.rows[0].values["family_name"] == "A"


def test_rows_are_numbered_as_a_spreadsheet_numbers_them() -> None:
    """Header = row 1; a quoted value over two lines is one row; a blank row still counts."""
    text = (
        f"{HEADER},allergies\r\n"
        'A,B,1980-05-17,C1,"latex\r\npenicillin"\r\n'
        ",,,,\r\n"
        "\r\n"
        "D,E,1981-01-01,C2,\r\n"
    )
    found = parse(text.encode())
    assert [(r.number, r.values["chart_number"]) for r in found.rows] == [(2, "C1"), (5, "C2")]
    assert found.rows[0].values["allergies"] == "latex\r\npenicillin"


def test_missing_trailing_values_are_blank_and_extra_values_are_counted() -> None:
    found = parse(f"{HEADER},phone\nA,B,1980-05-17,C1\nA,B,1980-05-17,C2,555,oops\n".encode())
    assert found.rows[0].values["phone"] == "" and found.rows[0].extra == 0
    assert found.rows[1].extra == 1


def test_an_empty_unnamed_trailing_column_is_ignored() -> None:
    found = parse(f"{HEADER},,\nA,B,1980-05-17,C1,,\n".encode())
    assert found.columns == ("family_name", "given_names", "date_of_birth", "chart_number")


def test_a_header_of_countless_empty_columns_is_refused_without_reading_every_row() -> None:
    # 20,000 unnamed columns and 20,000 rows: the rows were once rescanned for each column
    # (400 million looks, minutes); now the header alone refuses the file.
    data = (HEADER + "," * 20_000 + "\n" + "A,B,1980-05-17,C1\n" * 20_000).encode()
    with pytest.raises(CsvRefused) as refused:
        parse(data)
    assert "20,004 columns" in str(refused.value)
    assert f"at most {MAX_COLUMNS}" in str(refused.value)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=2 * MAX_COLUMNS), st.integers(0, 300))
def test_empty_trailing_columns_are_ignored_up_to_the_limit_and_refused_beyond(
    empty: int, rows: int
) -> None:
    data = HEADER + "," * empty + "\n" + ("A,B,1980-05-17,C1" + "," * empty + "\n") * rows
    if 4 + empty <= MAX_COLUMNS:
        found = parse(data.encode())
        assert len(found.rows) == rows
        assert found.columns == tuple(REQUIRED)
    else:
        with pytest.raises(CsvRefused, match="columns"):
            parse(data.encode())


def test_a_value_under_an_unnamed_column_is_found_among_many_rows() -> None:
    rows = "A,B,1980-05-17,C1,,\n" * 5_000 + "A,B,1980-05-17,C2,,late\n"
    with pytest.raises(CsvRefused, match="Column 6 has values but no name"):
        parse(f"{HEADER},,\n{rows}".encode())


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (f"{HEADER},Nickname\n".encode(), "Unknown column 'Nickname' (column 5)"),
        (b"family_name,given_names,chart_number\n", "Required column missing: date_of_birth"),
        (b"family_name;given_names\n", "Required columns missing: date_of_birth, chart_number"),
        (f"{HEADER},phone,PHONE\n".encode(), "The column phone is there twice"),
        (f"{HEADER},\nA,B,1980-05-17,C1,x\n".encode(), "Column 5 has values but no name"),
        (b"", "The file is empty"),
        (b"\r\n\r\n", "The file is empty"),
        (b",,,\r\n,,\r\n", "The file is empty"),
        (
            f"{HEADER}\nCôté,É,1980-05-17,C1\n".encode("cp1252"),
            "The file is not UTF-8 text (line 2",
        ),
        (f"{HEADER}\n".encode("utf-16"), "UTF-16"),
        (f'{HEADER}\nA,"B"x,1980-05-17,C1\n'.encode(), "Row 2 cannot be read"),
    ],
)
def test_a_file_that_is_no_patient_list_is_refused_saying_why(data: bytes, words: str) -> None:
    with pytest.raises(CsvRefused) as refused:
        parse(data)
    assert words in str(refused.value)


def test_not_utf8_says_how_to_save_it_as_utf8() -> None:
    with pytest.raises(CsvRefused) as refused:
        parse(f"{HEADER}\nMüller,Jörg,1980-05-17,C1\n".encode("latin-1"))
    assert "CSV UTF-8" in str(refused.value)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_are_a_patient_list_or_refused_in_words(data: bytes) -> None:
    try:
        parse(data)
    except CsvRefused as refused:
        assert str(refused)


HOSTILE = st.text(
    # Any character a UTF-8 file can hold (half surrogate pairs cannot be written in one).
    alphabet=st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from(["\x00", "\n", "\r", "\u202e", ";", '"']),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(HOSTILE, min_size=4, max_size=6), max_size=5))
def test_any_values_are_read_back_or_refused_in_words_by_the_form_rules(
    rows: list[list[str]],
) -> None:
    """Whatever a cell holds, a row is either a patient the form would store or a PatientError:
    never another exception (the import lists it as refused)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([*REQUIRED, "email", "allergies"])
    writer.writerows(rows)
    found = parse(buffer.getvalue().encode())
    for row in found.rows:
        try:
            patient = patients.checked(patients.from_texts(row.values))
        except patients.PatientError as refused:
            assert str(refused)
        else:
            assert patient.family_name == row.values["family_name"].strip()
