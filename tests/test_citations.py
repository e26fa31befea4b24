"""The project cites only documents it contains, and every section it cites exists.

Code, tests and the README cite the project's own documents by file and section, as in
"docs/architecture.md §2". These tests scan the source, the tests, the scripts, the benchmarks,
the resources, the README and docs/ for three mistakes:

- a mention of the old design document that lives outside the repository;
- a citation of a docs/ file that does not exist, or of a section it has no heading for;
- a bare section number that does not say which document it is in (inside a docs/ file a bare
  section number means a section of that same file).

Plain text scanning, no Qt: the whole tree is read in well under a second.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SCANNED_FOLDERS = ("botox_chart", "tests", "scripts", "benchmarks", "resources", "docs")
SCANNED_FILES = ("README.md", "pyproject.toml")
TEXT_SUFFIXES = frozenset({".py", ".md", ".toml", ".txt", ".qss", ".json", ".cfg", ".ini", ".sh"})

SECTION = "\u00a7"
OLD = "DESI" + "GN"
"""The old design document's name, spelled in two parts so that this file does not mention it."""
OUTSIDE = re.compile(r"\bDESIGN(?:\b|_)|(?:\.\.|/work)/shared\b")
"""The design document outside the repository: its name in capitals (as a word, or the start of an
identifier named after it), or the shared folder it lives in."""
MENTION = re.compile(r"\bdocs/([\w.-]+\.md)\b")
CITATION = re.compile(r"`?\bdocs/([\w.-]+\.md)`?[^\S\n]+" + SECTION + r"(\d+)")
"""A named citation: the file (optionally in backticks), a space, the section sign and number."""
BARE = re.compile(SECTION + r"\s*\d")
HEADING = re.compile(r"^#+[^\S\n]+" + SECTION + r"(\d+)\b", re.MULTILINE)


def scanned_files() -> list[Path]:
    files = [ROOT / name for name in SCANNED_FILES if (ROOT / name).is_file()]
    for folder in SCANNED_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            relative = path.relative_to(ROOT).parts
            if any(part.startswith(".") or part == "__pycache__" for part in relative):
                continue
            if path.is_file() and path.suffix in TEXT_SUFFIXES:
                files.append(path)
    return files


def sections_of(document: Path) -> set[int]:
    """The section numbers a docs/ file has headings for ("## <section sign>3 Title")."""
    return {int(n) for n in HEADING.findall(document.read_text(encoding="utf-8"))}


def problems_in(relative: str, text: str, docs: Path = DOCS) -> list[str]:
    """Every citation mistake in one file's text, each as "path:line: what is wrong"."""
    found: list[str] = []

    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    for match in OUTSIDE.finditer(text):
        found.append(
            f"{relative}:{line_of(match.start())}: cites a document outside the repository "
            f"({match.group(0)!r}); cite docs/clinical-reference.md or docs/architecture.md"
        )
    for match in MENTION.finditer(text):
        if not (docs / match.group(1)).is_file():
            found.append(f"{relative}:{line_of(match.start())}: docs/{match.group(1)} is missing")
    named: set[int] = set()
    for match in CITATION.finditer(text):
        named.add(match.start(2) - 1)
        document = docs / match.group(1)
        number = int(match.group(2))
        if document.is_file() and number not in sections_of(document):
            found.append(
                f"{relative}:{line_of(match.start())}: docs/{match.group(1)} has no heading for "
                f"section {number}"
            )
    own = docs / Path(relative).name if Path(relative).parent == Path("docs") else None
    for match in BARE.finditer(text):
        if match.start() in named:
            continue
        where = f"{relative}:{line_of(match.start())}"
        if own is None:
            found.append(f"{where}: {match.group(0)!r} does not name its document (docs/<file>.md)")
            continue
        number = int(re.sub(r"\D", "", match.group(0)))
        if number not in sections_of(own):
            found.append(f"{where}: {relative} has no heading for section {number}")
    return found


def tree_problems() -> list[str]:
    problems: list[str] = []
    for path in scanned_files():
        relative = path.relative_to(ROOT).as_posix()
        problems += problems_in(relative, path.read_text(encoding="utf-8"))
    return problems


def test_the_project_cites_no_document_outside_it_and_every_citation_resolves() -> None:
    problems = tree_problems()
    assert not problems, "\n".join(problems)


def test_the_scan_reads_the_code_the_tests_the_readme_and_the_documents() -> None:
    relative = {p.relative_to(ROOT).as_posix() for p in scanned_files()}
    assert {
        "README.md",
        "botox_chart/chart.py",
        "botox_chart/ui/window_actions.py",
        "tests/test_layering.py",
        "benchmarks/charting_actions.py",
        "resources/protocols/preempt.toml",
        "docs/clinical-reference.md",
        "docs/architecture.md",
    } <= relative
    assert not any(part.startswith(".") for path in relative for part in path.split("/"))


def test_the_documents_number_their_sections_from_one_without_gaps() -> None:
    for name in ("clinical-reference.md", "architecture.md"):
        numbers = sorted(sections_of(DOCS / name))
        assert numbers == list(range(1, len(numbers) + 1)), name
        assert numbers, name


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("# retreatment (" + OLD + " " + SECTION + "1)", "outside the repository"),
        ("see " + OLD + ".md section 2", "outside the repository"),
        (OLD + "_TABLE = {}", "outside the repository"),
        ("(see `.." + "/shared/notes.md`)", "outside the repository"),
        ("docs/" + "nowhere.md " + SECTION + "1", "nowhere.md is missing"),
        ("docs/architecture.md " + SECTION + "99", "no heading for section 99"),
        ("the table of " + SECTION + "2", "does not name its document"),
        ("docs/architecture.md " + SECTION + "1 and " + SECTION + "2", "does not name"),
    ],
)
def test_each_kind_of_mistake_is_named_with_its_line(text: str, complaint: str) -> None:
    problems = problems_in("botox_chart/example.py", "first line\n" + text)
    assert any(complaint in p and p.startswith("botox_chart/example.py:2:") for p in problems), (
        problems
    )


@pytest.mark.parametrize(
    "text",
    [
        "docs/architecture.md " + SECTION + "2",
        "(`docs/clinical-reference.md` " + SECTION + "4)",
        "a design choice, docs/clinical-reference.md",
    ],
)
def test_a_named_citation_of_an_existing_section_passes(text: str) -> None:
    assert problems_in("botox_chart/example.py", text) == []


def test_inside_a_document_a_bare_section_is_one_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text(
        "# Guide\n\n## " + SECTION + "1 One\n\nSee " + SECTION + "1 and " + SECTION + "2.\n",
        encoding="utf-8",
    )
    text = (tmp_path / "guide.md").read_text(encoding="utf-8")
    relative = "docs/" + "guide.md"  # in two parts: this file does not cite a missing document
    problems = problems_in(relative, text, docs=tmp_path)
    assert problems == [f"{relative}:5: {relative} has no heading for section 2"]
