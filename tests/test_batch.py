"""Batch plumbing: output names, input discovery, atomic writes, golden diffs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clean_article.batch import diff_golden, discover, orphans, output_name, write_atomic


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("x.html.gz", "json", "x.json"),
        ("bbc.co.uk.story.html", "json", "bbc.co.uk.story.json"),
        ("notes.txt", "json", "notes.json"),
        ("notes.txt", "md", "notes.md"),
        ("PAGE.HTM", "md", "PAGE.md"),
        ("story.php", "json", "story.php.json"),
        ("README", "json", "README.json"),
        (".html", "json", ".html.json"),
        ("dump.wet.gz", "json", "dump.json"),
    ],
)
def test_output_name_replaces_only_known_extensions(name: str, fmt: str, expected: str) -> None:
    assert output_name(name, fmt) == expected


def test_discover_walks_directories_sorted_and_mirrors_the_tree(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.html.gz", "a/c.html", ".hidden.txt", ".git/config"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    tasks, errors = discover([str(tmp_path), str(tmp_path / "nope")], "json")
    assert [t.relative_output for t in tasks] == ["b.json", "a/c.json", "a/z.json"]
    assert errors == [f"{tmp_path / 'nope'}: error: no such file or directory: check the path"]


def test_discover_file_and_stdin(tmp_path: Path) -> None:
    page = tmp_path / "sub" / "p.html"
    page.parent.mkdir()
    page.write_text("x")
    tasks, _ = discover([str(page), "-"], "md")
    assert [(t.path, t.relative_output) for t in tasks] == [(str(page), "p.md"), ("-", "stdin.md")]


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "out.json"
    write_atomic(target, "one\n")
    write_atomic(target, "two\n")
    assert target.read_text() == "two\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.json"]


def test_write_atomic_keeps_an_unchanged_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, "same\n")
    before = target.stat().st_mtime_ns
    write_atomic(target, "same\n")
    assert target.stat().st_mtime_ns == before


def test_diff_golden(tmp_path: Path) -> None:
    golden = tmp_path / "a.json"
    golden.write_text("line 1\nline 2\n")
    assert diff_golden(golden, "line 1\nline 2\n", "a.json") == ""
    diff = diff_golden(golden, "line 1\nline two\n", "a.json")
    assert "-line 2\n" in diff and "+line two\n" in diff and diff.startswith("--- a.json (golden)")
    missing = diff_golden(tmp_path / "b.json", "new\n", "b.json")
    assert "golden, missing" in missing and "+new" in missing
    orphaned = diff_golden(golden, None, "a.json")
    assert "orphaned" in orphaned and "-line 1" in orphaned


def test_orphans_lists_goldens_of_the_format_without_input(tmp_path: Path) -> None:
    for rel in ["a.json", "b.json", "b.md", "sub/c.json"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("{}")
    assert orphans(tmp_path, {"a.json"}, "json") == ["b.json", "sub/c.json"]
    assert orphans(tmp_path, set(), "md") == ["b.md"]
    assert orphans(tmp_path / "none", set(), "json") == []


def test_discover_reports_special_entries_inside_directories(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("x")
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    tasks, errors = discover([str(tmp_path)], "json")
    assert [t.relative_output for t in tasks] == ["page.json"]
    assert errors == [
        f"{tmp_path / 'dangling'}: error: broken symbolic link: fix or remove it",
        f"{tmp_path / 'fifo'}: error: not a regular file or directory: pass a file, a directory or -",
    ]


def test_discover_reports_a_folder_it_cannot_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "page.txt").write_text("x")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "inside.txt").write_text("x")
    real_scandir = os.scandir

    def scandir(path: str) -> object:  # what chmod 0 does to anyone but root
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    tasks, errors = discover([str(tmp_path)], "json")
    assert [t.relative_output for t in tasks] == ["page.json"]
    assert errors == [
        f"{tmp_path / 'locked'}: error: cannot list the folder (Permission denied): "
        "check its permissions"
    ]
