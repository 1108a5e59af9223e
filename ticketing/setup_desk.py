"""`ticketing config init [DIR]`: a new desk's own files, ready to customise.

Writes DIR/config/ticketing.toml (every key at its default with a line on what it does,
from the shipped config/ticketing.reference.toml; the rule file and templates pointing to
the copies beside it), DIR/config/rules.toml and DIR/templates/ (copies of the shipped
ones), the reply-token key and the SQLite database under DIR/var/. Nothing that exists is overwritten unless
asked (`--force`).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ticketing import replykeys, resources
from ticketing.atomic import write_atomically
from ticketing.config import load_settings
from ticketing.db import upgrade
from ticketing.errors import TicketingError
from ticketing.private import make_private_dir

CONFIG = Path("config") / "ticketing.toml"
RULES = Path("config") / "rules.toml"
TEMPLATES = Path("templates")


@dataclass(frozen=True)
class Written:
    config: Path
    rules: Path
    templates: Path
    key: Path | None  # None: the key comes from the environment variable


def existing(target: Path) -> list[Path]:
    """The files `init_desk` would replace in `target`."""
    return [p for p in (target / CONFIG, target / RULES, target / TEMPLATES) if p.exists()]


def init_desk(target: Path, *, force: bool = False) -> Written:
    """Write a desk's configuration, rules, templates and key into `target`."""
    clashes = existing(target)
    if clashes and not force:
        listed = ", ".join(str(p) for p in clashes)
        raise TicketingError(f"{listed} already exist: nothing written (--force replaces them)")
    (target / "config").mkdir(parents=True, exist_ok=True)
    write_atomically(target / CONFIG, _own_config().encode("utf-8"))  # mode 0600
    shutil.copyfile(resources.shipped(resources.RULES), target / RULES)
    if (target / TEMPLATES).exists():
        shutil.rmtree(target / TEMPLATES)
    shutil.copytree(resources.shipped(resources.TEMPLATES), target / TEMPLATES)
    settings = load_settings(target / CONFIG, env={})
    make_private_dir(settings.var_path)
    upgrade(settings.database_url)  # the embedded SQLite database, ready for `serve`
    key, _ = replykeys.ensure_key(settings)
    return Written(target / CONFIG, target / RULES, target / TEMPLATES, key)


def _own_config() -> str:
    """The reference configuration with the rule file and templates set to the copies."""
    text = resources.shipped(resources.REFERENCE_CONFIG).read_text(encoding="utf-8")
    text = _set(text, "rules_file", '"config/rules.toml"', "your copy of the routing rules")
    return _set(text, "templates_dir", '"templates"', "your copy of the customer templates")


def _set(text: str, key: str, value: str, comment: str) -> str:
    line = re.compile(rf"^{key} = .*$", re.M)
    if not line.search(text):
        raise TicketingError(f"{resources.REFERENCE_CONFIG}: no {key} line to set")
    return line.sub(f"{key} = {value}".ljust(38) + f"# {comment}", text, count=1)
