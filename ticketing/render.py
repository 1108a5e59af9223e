"""Render customer-facing messages from the Jinja templates under `templates/<lang>/`.

Each message is three templates: `<name>.subject.j2`, `<name>.txt.j2` and
`<name>.html.j2`; a queue-specific `<name>-<queue>.*` wins over the generic one, the
customer's language over the default. HTML templates autoescape, so customer text can
never inject markup; subjects are flattened to one line, so it can never add a header.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ticketing.errors import TicketingError

PARTS = ("subject", "txt", "html")
# An edited template is picked up within this many seconds (Jinja checks its mtime).
RELOAD_CHECK_SECONDS = 2.0
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Rendered:
    name: str  # the template actually used, e.g. "acknowledgement-disputes"
    language: str
    subject: str
    text: str
    html: str


def _paragraphs(text: str) -> Any:
    """Plain text as HTML paragraphs, escaped: customer or agent text never becomes markup."""
    from markupsafe import Markup, escape

    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return Markup("\n").join(
        Markup("<p>")
        + Markup("<br>\n").join(escape(line) for line in b.split("\n"))
        + Markup("</p>")
        for b in blocks
    )


class TemplateMissing(TicketingError):
    pass


class Renderer:
    def __init__(self, templates_dir: Path, default_language: str = "en") -> None:
        import jinja2

        self.templates_dir = templates_dir
        self.default_language = default_language
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["paragraphs"] = _paragraphs
        self._resolved: dict[tuple[str, str, str | None], tuple[str, str]] = {}
        self._templates: dict[str, tuple[Any, float]] = {}

    def _template(self, path: str) -> Any:
        """The compiled template, asking Jinja (which stats the file to see whether it
        changed, and reloads it if so) at most every RELOAD_CHECK_SECONDS."""
        now = time.monotonic()
        cached = self._templates.get(path)
        if cached is not None and now - cached[1] < RELOAD_CHECK_SECONDS:
            return cached[0]
        template = self.env.get_template(path)
        self._templates[path] = (template, now)
        return template

    def languages(self) -> list[str]:
        return sorted(
            p.name for p in self.templates_dir.iterdir() if p.is_dir() and p.name != "base"
        )

    def names(self, language: str | None = None) -> list[str]:
        lang = language or self.default_language
        folder = self.templates_dir / lang
        if not folder.is_dir():
            return []
        return sorted({p.name.split(".")[0] for p in folder.glob("*.subject.j2")})

    def resolve(self, name: str, language: str, queue: str | None = None) -> tuple[str, str]:
        """The (template name, language) that will be used for this request.

        Cached: every acknowledgement asks, and the answer is a few file-system checks.
        """
        key = (name, language, queue)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = self._resolve(name, language, queue)
        return found

    def _resolve(self, name: str, language: str, queue: str | None) -> tuple[str, str]:
        languages = (
            [language, self.default_language] if language != self.default_language else [language]
        )
        candidates = [f"{name}-{queue}", name] if queue else [name]
        for lang in languages:
            for candidate in candidates:
                if (self.templates_dir / lang / f"{candidate}.subject.j2").exists():
                    return candidate, lang
        raise TemplateMissing(
            f"no template {name!r} for language {language!r} in {self.templates_dir}"
        )

    def render(
        self, name: str, language: str, context: dict[str, Any], queue: str | None = None
    ) -> Rendered:
        chosen, lang = self.resolve(name, language, queue)
        out: dict[str, str] = {}
        for part in PARTS:
            out[part] = self._template(f"{lang}/{chosen}.{part}.j2").render(**context)
        subject = _WS.sub(" ", out["subject"]).strip()
        return Rendered(chosen, lang, subject, out["txt"], out["html"])
