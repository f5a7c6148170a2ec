"""Start-up stays cheap: cleaning a text dump imports neither trafilatura, lxml nor rich, nor
what only a batch (worker processes, atomic writes) or --check (diffs) needs."""

from __future__ import annotations

import subprocess
import sys

from .conftest import SEED

PROBE = """
import sys
from clean_article import clean
from clean_article.render import to_json
to_json(clean(open(sys.argv[1], "rb").read()))
HEAVY = ("trafilatura", "rich", "htmldate", "justext", "lxml", "multiprocessing", "concurrent.futures", "difflib", "tempfile", "statistics")
heavy = sorted(m for m in HEAVY if m in sys.modules)
print(",".join(heavy))
"""


def test_text_path_imports_no_heavy_module() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(SEED)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.strip() == ""


def test_cli_module_imports_no_heavy_module() -> None:
    probe = (
        "import sys, clean_article.cli; print(','.join(m for m in ('trafilatura', 'rich', "
        "'multiprocessing', 'concurrent.futures', 'difflib', 'tempfile') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == ""
