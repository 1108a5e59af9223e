"""The documentation stays inside the repository: every relative link in README.md and
docs/*.md names a file that exists (issue 15, item 5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", ROOT / "BENCHMARKS.md", *sorted((ROOT / "docs").glob("*.md"))]
# [text](target) outside code spans; the target up to a space, ")" or "#".
_LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s#]+)(?:#[^)\s]*)?\)")


def _links(text: str) -> list[str]:
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # code blocks are not links
    text = re.sub(r"`[^`\n]*`", "", text)  # nor are code spans
    return [t for t in _LINK.findall(text) if not re.match(r"[a-z]+:", t)]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves_inside_the_repository(document: Path) -> None:
    broken = []
    for target in _links(document.read_text(encoding="utf-8")):
        resolved = (document.parent / target).resolve()
        if not resolved.exists() or ROOT not in (resolved, *resolved.parents):
            broken.append(target)
    assert broken == [], f"{document.name}: links that do not resolve in the repository"


def test_the_link_finder_finds_links() -> None:
    assert _links("see [a](docs/a.md) and [b](https://x.example) `[c](d)`") == ["docs/a.md"]
    assert _links("```\n[x](y.md)\n```") == []
