import re

from indigo.demo.documents import specimen_pdf
from indigo.dossier import sniffing


def test_a_specimen_is_a_complete_pdf_the_dossier_accepts():
    pdf = specimen_pdf("SPECIMEN", ["Surname: Example"])

    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    assert sniffing.sniff(pdf[:512], pdf[-1024:]) == "application/pdf"


def test_the_cross_reference_table_points_at_each_object():
    pdf = specimen_pdf("SPECIMEN", ["one", "two"])

    xref = int(re.search(rb"startxref\n(\d+)\n", pdf).group(1))
    offsets = [int(o) for o in re.findall(rb"(\d{10}) 00000 n", pdf[xref:])]

    assert pdf[xref:].startswith(b"xref")
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(f"{number} 0 obj".encode())


def test_text_outside_latin_1_and_pdf_delimiters_is_escaped():
    pdf = specimen_pdf("SPECIMEN", ["Surname: Y\u0131lmaz (Ay\u015fe)", "back\\slash"])

    assert b"(Surname: Y?lmaz \\(Ay?e\\)) Tj" in pdf
    assert b"(back\\\\slash) Tj" in pdf
