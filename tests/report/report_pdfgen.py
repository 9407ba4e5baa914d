"""Build PDF reports for tests and fixtures with fpdf2 (and pypdf for the odd ones).

A report PDF is written one text line per PDF line, in DejaVu Sans (shipped with matplotlib,
a dependency) so that ✓, × and curly quotes survive; pypdf then extracts the same lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib
from fpdf import FPDF
from pypdf import PdfWriter

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def write_lines_pdf(lines: Sequence[str], path: Path, *, lines_per_page: int = 48) -> Path:
    """A PDF whose text is ``lines``, one PDF line each; a blank entry is an empty line."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=10)
    for i, line in enumerate(lines):
        if i % lines_per_page == 0:
            pdf.add_page()
        if line:
            pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(5)
    pdf.output(str(path))
    return path


def write_text_file_pdf(source: Path, path: Path) -> Path:
    """The lines of a text report, as a PDF."""
    return write_lines_pdf(source.read_text(encoding="utf-8").split("\n"), path)


def write_encrypted_pdf(path: Path, password: str = "secret") -> Path:
    """A one-page PDF that needs ``password`` to open."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def write_many_pages_pdf(path: Path, pages: int = 3000) -> Path:
    """A PDF of ``pages`` blank pages."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=100, height=100)
    with path.open("wb") as fh:
        writer.write(fh)
    return path
