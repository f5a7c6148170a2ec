"""lazy_re patterns compile on first use and then behave exactly as re.compile's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clean_article import lazy_re

CASES = [
    (r"(?P<word>\w+)\s*:", 0, "Photo: Jane Roe / AP: more"),
    (r"cookies?\b", re.IGNORECASE, "We use COOKIES and a cookie"),
    (r"[\u3040-\u30ff\u3400-\u9fff]", 0, "東京で 3 人"),
]


@pytest.mark.parametrize(("pattern", "flags", "text"), CASES)
def test_lazy_pattern_matches_as_compiled(pattern: str, flags: int, text: str) -> None:
    eager, lazy = re.compile(pattern, flags), lazy_re.compile(pattern, flags)
    assert lazy.findall(text) == eager.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.sub("#", text) == eager.sub("#", text)
    assert lazy.split(text) == eager.split(text)
    assert bool(lazy.match(text)) == bool(eager.match(text))
    assert bool(lazy.fullmatch(text)) == bool(eager.fullmatch(text))
    found, expected = lazy.search(text, 1), eager.search(text, 1)
    assert found is not None and expected is not None and found.span() == expected.span()
    assert (lazy.pattern, lazy.flags, lazy.groups) == (eager.pattern, eager.flags, eager.groups)


def test_pattern_compiles_on_first_use_not_at_import() -> None:
    broken = lazy_re.compile("(unclosed")  # an eager compile would raise here
    with pytest.raises(re.error):
        broken.search("text")


def test_the_compiled_methods_are_kept_after_first_use() -> None:
    lazy = lazy_re.compile(r"\d+")
    assert lazy.search("a 12") is not None
    assert vars(lazy)["search"].__self__ is vars(lazy)["match"].__self__  # one compiled pattern


def test_no_module_hands_a_pattern_constant_to_re_functions() -> None:
    # re.sub(PATTERN, ...) refuses a lazy pattern: call PATTERN.sub(...) instead.
    src = Path(lazy_re.__file__).parent
    call = re.compile(
        r"\bre\.(?:sub|subn|search|match|fullmatch|findall|finditer|split)\(\s*[\w.]*[A-Z_]{3,}\b"
    )
    offenders = [
        f"{path.relative_to(src)}:{number}"
        for path in sorted(src.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if call.search(line) and path.name != "lazy_re.py"  # its docstring shows the mistake
    ]
    assert offenders == []
