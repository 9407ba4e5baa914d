"""arXiv references in every common written form."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.report import find_references


def ids(text: str, **kw: bool) -> list[str]:
    return [str(r.arxiv_id) for r in find_references(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<http://arxiv.org/abs/2306.12916v3>", ["2306.12916v3"]),
        ("https://arxiv.org/abs/2005.13013", ["2005.13013"]),
        ("https://arxiv.org/pdf/2005.13013v2", ["2005.13013v2"]),
        ("https://arxiv.org/pdf/2005.13013v2.pdf", ["2005.13013v2"]),
        ("https://export.arxiv.org/abs/1810.12836v4", ["1810.12836v4"]),
        ("www.arxiv.org/abs/0704.0001", ["0704.0001"]),
        ("arxiv.org/abs/2101.10649v1", ["2101.10649v1"]),
        ("arXiv:2005.13013v2", ["2005.13013v2"]),
        ("ARXIV: 2005.13013", ["2005.13013"]),
        ("arXiv preprint arXiv:1906.01502", ["1906.01502"]),
        ("arXiv 1811.01136v2", ["1811.01136v2"]),
        ("doi:10.48550/arXiv.2404.12444", ["2404.12444"]),
        ("see hep-th/9901001 and math.GT/0309136v1", ["hep-th/9901001", "math.GT/0309136v1"]),
        ("http://arxiv.org/abs/hep-th/9901001v2", ["hep-th/9901001v2"]),
        ("arXiv:cond-mat/0102536", ["cond-mat/0102536"]),
        # Broken over lines by PDF extraction.
        ("arXiv:2005.\n13013v2", ["2005.13013v2"]),
        ("arXiv:2005.1301\n3v2", ["2005.13013v2"]),
        ("arXiv:2005.13013\nv2", ["2005.13013v2"]),
        ("https://arxiv.\norg/abs/2310.09917v3", ["2310.09917v3"]),
        ("https://arxiv.org/abs/\n2310.09917v3", ["2310.09917v3"]),
        # A complete id at a line end is not glued to a number on the next line.
        ("arXiv:2005.13013v2\n2 Methods", ["2005.13013v2"]),
        ("arXiv:2005.13013\n2 Methods", ["2005.13013"]),
        # Duplicates collapse; with and without a version count once, with the version.
        ("arXiv:2005.13013 then https://arxiv.org/abs/2005.13013v2", ["2005.13013v2"]),
        ("arXiv:2005.13013v1 and arXiv:2005.13013v2", ["2005.13013v1", "2005.13013v2"]),
        ("arXiv:2005.13013v2 arXiv:2005.13013v2 arXiv:2005.13013", ["2005.13013v2"]),
        # Not arXiv: other hosts, prose, impossible ids.
        ("https://example.com/abs/2005.13013v2", []),
        ("https://github.com/x/y/blob/main/2005.13013v2.md", []),
        ("https://aclanthology.org/2020.acl-main.747.pdf", []),
        ("scores of 2005.13013 and 1234.5678", []),  # bare, no version: only in a references list
        ("arXiv:2013.12345", []),  # month 13
        ("arXiv:1412.12345", []),  # 5-digit serials start in 2015
        ("arXiv:1501.1234", []),  # and 4-digit ones end in 2014
        ("foo/1234567 and and/or 12/2020", []),  # not a known old-style archive
    ],
)
def test_forms(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_bare_ids_in_a_references_list() -> None:
    assert ids("1. 2005.13013\n2. 1810.12836v4", bare_unversioned=True) == [
        "2005.13013",
        "1810.12836v4",
    ]


def test_lines_and_urls() -> None:
    refs = find_references(
        "x\n- <http://arxiv.org/abs/2005.13013v2>\narXiv:\n1810.12836", first_line=40
    )
    assert [(str(r.arxiv_id), r.line, r.url) for r in refs] == [
        ("2005.13013v2", 41, "http://arxiv.org/abs/2005.13013v2"),
        ("1810.12836", 42, None),
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("arXiv:/.0123456789vhep-th \n<>htps")), max_size=200))
def test_never_raises_on_id_like_noise(text: str) -> None:
    for ref in find_references(text):
        assert ref.arxiv_id is not None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text: str) -> None:
    find_references(text, bare_unversioned=True)
