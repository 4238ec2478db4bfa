"""The hand-written trigger file: its header documents exactly the roles and conditions the
code handles, and the loader refuses anything else with the file and line number."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from communique.events import lexicon as trigger_lexicon
from communique.events.lexicon import HAND_WRITTEN, ROLES, _Reader

DATA = resources.files("communique.events") / "data"
HEADER = [
    line for line in (DATA / HAND_WRITTEN).read_text(encoding="utf-8").splitlines()
    if line.startswith("#")
]  # fmt: skip
CONDITIONS = {"prep", "obj", "subj", "pp", "gov", "head", "xcomp", "must", "passive", "mod"}
CONDITIONS |= {"claim", "pred"}


def _header_line(name: str) -> str:
    return next(line for line in HEADER if line.startswith(f"# {name}:"))


def test_the_header_documents_exactly_the_roles_the_code_handles():
    documented = set(re.findall(r"(?:: |\), )(\w[\w-]*) \(", _header_line("roles")))
    assert documented == set(ROLES)
    participants = (resources.files("communique.events") / "participants.py").read_text("utf-8")
    for role in set(ROLES) - {"sv"}:  # sv is what every other entry gets
        assert f'roles == "{role}"' in participants


def test_the_header_documents_exactly_the_conditions_the_loader_reads():
    documented = set(re.findall(r"(?:: |\), )(\w+)(?:=| \()", _header_line("needs")))
    assert documented == CONDITIONS
    reader = _Reader()
    for condition in CONDITIONS:
        value = {"pred": "negative", "pp": "for:aid", "prep": "with"}.get(condition, "a|b")
        assert reader.needs(f"{condition}={value}") or reader.needs(condition)


def _load(text: str):
    return _Reader().entries(text, generated=False)


def test_an_unknown_role_or_condition_is_refused_with_the_line_number():
    good = "meet\tVERB\tCONSULT\tmeet\t040\t\trecip"
    assert _load(f"# header\n{good}\n")[0].roles == "recip"
    with pytest.raises(ValueError, match=r"^triggers\.tsv:3: unknown role 'obj-actor'"):
        _load(f"# header\n{good}\nhost\tVERB\tCONSULT\tmeet\t040\t\tobj-actor\n")
    with pytest.raises(ValueError, match=r"^triggers\.tsv:2: unknown trigger condition 'near=x'"):
        _load(f"{good}\nhost\tVERB\tCONSULT\tmeet\t040\tnear=x\tsv\n")
    with pytest.raises(ValueError, match=r"^triggers\.tsv:1: 7 tab-separated cells expected"):
        _load("host\tVERB\tCONSULT\n")


def test_the_shipped_files_load():
    trigger_lexicon.lexicon.cache_clear()
    assert trigger_lexicon.lexicon().by_lemma
