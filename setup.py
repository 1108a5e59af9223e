"""Packaging hook: a built package (wheel or `pip install .`) carries the default rules,
the templates, the reference configuration and the routing corpus under
ticketing/_shipped/, so that it runs outside the checkout (ticketing/resources.py reads
them). Everything else about the package is in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# Keep in step with ticketing/resources.py SHIPPED_PATHS.
SHIPPED_PATHS = ("config/rules.toml", "config/ticketing.reference.toml", "templates", "corpus")


class BuildWithShippedFiles(build_py):  # type: ignore[misc]
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "ticketing" / "_shipped"
        for relative in SHIPPED_PATHS:
            source, copy = ROOT / relative, target / relative
            copy.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, copy, dirs_exist_ok=True)
            else:
                shutil.copy2(source, copy)


setup(cmdclass={"build_py": BuildWithShippedFiles})
