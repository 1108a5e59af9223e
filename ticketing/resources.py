"""The files ticketing ships besides its code: the default rule file, the customer-facing
templates, the example configuration and the labelled routing corpus.

In a checkout they are the repository's own `config/`, `templates/` and `corpus/`; an
installed package (a wheel, `pip install .`) carries copies of them under
`ticketing/_shipped/` (see setup.py), read through importlib.resources. A configuration
that names its own files (`rules_file`, `templates_dir`, `corpus_dir`) overrides them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ticketing.errors import ConfigError

SHIPPED = "_shipped"  # the package folder the wheel's copies live in
# What is shipped, as paths relative to the repository root (and to _shipped/).
RULES = "config/rules.toml"
REFERENCE_CONFIG = "config/ticketing.reference.toml"  # every key, at its default
TEMPLATES = "templates"
CORPUS = "corpus"
SHIPPED_PATHS = (RULES, REFERENCE_CONFIG, TEMPLATES, CORPUS)


def shipped(relative: str) -> Path:
    """Where the shipped file or folder `relative` is: the installed copy, else the
    checkout's; ConfigError naming both places when neither has it."""
    packaged = resources.files("ticketing").joinpath(SHIPPED, relative)
    if isinstance(packaged, Path) and packaged.exists():
        return packaged
    checkout = Path(__file__).resolve().parents[1] / relative
    if checkout.exists():
        return checkout
    raise ConfigError(
        f"{relative}: not found in the package ({packaged}) nor beside it ({checkout}); "
        "reinstall ticketing, or name your own file in the configuration"
    )
