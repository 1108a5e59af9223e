"""Fixtures for a private ticketing instance: settings, a migrated database on SQLite
or PostgreSQL (the `backend` parameter), and the pipeline built from them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from tests.support import make_settings
from ticketing.config import Settings
from ticketing.db import make_engine, upgrade
from ticketing.pipeline import Pipeline
from ticketing.rules import load_rules


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database URL: every DB test runs on both back ends."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/ticketing.db"
        upgrade(url)
        yield url
        return
    url = request.getfixturevalue("pg_url")
    upgrade(url)
    yield url


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    return make_settings(tmp_path, db_url=db_url)


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    engine = make_engine(settings.database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def pipeline_factory(tmp_path: Path, db_url: str) -> Iterator[Callable[..., Pipeline]]:
    engines: list[Engine] = []

    def build(**service: Any) -> Pipeline:
        s = make_settings(tmp_path, db_url=db_url, **service)
        engine = make_engine(s.database_url)
        engines.append(engine)
        rules = load_rules(s.rules_path, queues=s.service.queues)
        return Pipeline(engine, s, rules=rules)

    yield build
    for e in engines:
        e.dispose()


@pytest.fixture
def pipeline(pipeline_factory: Callable[..., Pipeline]) -> Pipeline:
    return pipeline_factory()


@pytest.fixture
def second_db_url(tmp_path: Path, db_url: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """Another fresh, migrated database on the same back end as `db_url`."""
    if db_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path}/other.db"
        upgrade(url)
        yield url
        return
    from tests.servers import PgDatabase

    database = PgDatabase()
    try:
        upgrade(database.url)
        yield database.url
    finally:
        database.drop()
