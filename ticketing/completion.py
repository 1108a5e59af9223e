"""Shell completion values (click's bash, zsh and fish completion): open tickets,
queues, template names. Completion must never print a traceback into the shell: any
failure (no config, no database yet) completes nothing."""

from __future__ import annotations

from typing import Any

import click
from click.shell_completion import CompletionItem

from ticketing.config import Settings, load_settings

MAX_TICKETS = 200


def _settings(ctx: click.Context) -> Settings:
    return load_settings(ctx.find_root().params.get("config_path"))


def complete_ticket(ctx: click.Context, param: Any, incomplete: str) -> list[CompletionItem]:
    """Open tickets whose id starts with what was typed, most recently updated first."""
    try:
        from sqlalchemy import cast, select
        from sqlalchemy.types import String
        from sqlmodel import col

        from ticketing.db import make_engine
        from ticketing.desk import FINAL_STATUSES
        from ticketing.models import Ticket

        settings = _settings(ctx)
        engine = make_engine(settings.database_url)
        try:
            query = (
                select(col(Ticket.id), col(Ticket.subject))
                .where(col(Ticket.status).notin_(FINAL_STATUSES))
                .where(cast(col(Ticket.id), String).like(f"{incomplete.strip()}%"))
                .order_by(col(Ticket.updated_at).desc())
                .limit(MAX_TICKETS)
            )
            with engine.connect() as conn:
                rows = conn.execute(query).all()
        finally:
            engine.dispose()
        return [CompletionItem(str(tid), help=(subject or "")[:60]) for tid, subject in rows]
    except Exception:  # completion never fails loudly
        return []


def complete_queue(ctx: click.Context, param: Any, incomplete: str) -> list[CompletionItem]:
    try:
        queues = _settings(ctx).service.queues
    except Exception:
        return []
    return [CompletionItem(q) for q in queues if q.startswith(incomplete)]


def complete_template(ctx: click.Context, param: Any, incomplete: str) -> list[CompletionItem]:
    try:
        from ticketing.notify import make_renderer
        from ticketing.templating import all_names

        settings = _settings(ctx)
        names = all_names(make_renderer(settings), settings)
    except Exception:
        return []
    return [CompletionItem(n) for n in names if n.startswith(incomplete)]
