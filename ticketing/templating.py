"""The customer-facing templates as a whole: which exist, what each is given (sample
data built from the same view classes the real mail uses), a preview for a ticket, and
a check that renders every template in every language with StrictUndefined and makes
sure customer text cannot reach the HTML unescaped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from ticketing.config import Settings
from ticketing.disputes import DisputeView
from ticketing.dunning import InvoiceView
from ticketing.models import Ticket
from ticketing.notify import customer_name
from ticketing.outbox import template_context
from ticketing.render import PARTS, Rendered, Renderer

# Customer-controlled text in the samples: if it shows up verbatim in an HTML part, a
# template let it through unescaped.
MARKUP_PROBE = "<b data-probe>x</b>"

# Templates the code sends; each must exist in every language.
REQUIRED = (
    "acknowledgement",
    "reply",
    "resolved",
    "escalated",
    "dispute-received",
    "dispute-outcome",
)


def _samples() -> dict[str, dict[str, Any]]:
    dispute = DisputeView(
        "INV-2026-0042", "12,000 JPY", "JPY", "partial", "4,000 JPY", "charged twice"
    )
    invoice = InvoiceView(
        "INV-2026-0042", "12,000 JPY", "JPY", (date.today() - timedelta(days=30)).isoformat(), 30
    )
    return {
        "acknowledgement": {},
        "reply": {"body": f"Thank you for waiting.\n\nLine two {MARKUP_PROBE}", "agent": "Sato"},
        "resolved": {"resolution": f"We refunded the duplicate charge. {MARKUP_PROBE}"},
        "escalated": {"vendor_case": "2611240040001234"},
        "dispute-received": {"dispute": dispute},
        "dispute-outcome": {
            "dispute": dispute,
            "outcome": "partial",
            "message": f"The vendor credited one of the charges. {MARKUP_PROBE}",
        },
        "collections": {"invoice": invoice, "stage": "reminder"},
        # Sent by the pipeline for oversized mail; it belongs to no ticket.
        "too-large": {"subject": f"Scans {MARKUP_PROBE}", "size_mb": "41.3", "limit_mb": "40.0"},
    }


def sample_extras(settings: Settings, name: str) -> dict[str, Any]:
    """What the code passes to template `name` (sample values)."""
    samples = _samples()
    base = name
    for queue in settings.service.queues:
        if name.endswith(f"-{queue}"):
            base = name[: -len(queue) - 1]
    if base in samples:
        return dict(samples[base])
    if base in {s.template for s in settings.collections.stages}:
        return dict(samples["collections"])
    # A template the code does not know (a canned reply): give it everything.
    merged: dict[str, Any] = {}
    for extra in samples.values():
        merged.update(extra)
    return merged


def sample_ticket(settings: Settings, queue: str | None = None, language: str = "en") -> Ticket:
    return Ticket(
        id=42,
        queue=queue or settings.service.default_queue,
        subject=f"Invoice INV-2026-0042 charged twice {MARKUP_PROBE}",
        requester="taro@customer.example",
        language=language,
    )


def all_names(renderer: Renderer, settings: Settings) -> list[str]:
    names: set[str] = set(REQUIRED) | {s.template for s in settings.collections.stages}
    for lang in renderer.languages():
        names.update(renderer.names(lang))
    return sorted(names)


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    languages: list[str]
    missing: list[str]  # languages where some part is missing

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "languages": self.languages, "missing": self.missing}


def list_templates(renderer: Renderer, settings: Settings) -> list[TemplateInfo]:
    languages = renderer.languages()
    out = []
    for name in all_names(renderer, settings):
        have = [
            lang
            for lang in languages
            if all((renderer.templates_dir / lang / f"{name}.{p}.j2").exists() for p in PARTS)
        ]
        out.append(TemplateInfo(name, have, [lang for lang in languages if lang not in have]))
    return out


def check(renderer: Renderer, settings: Settings) -> list[str]:
    """Every failure as `LANG/NAME.PART.j2[:LINE]: what`; empty when all is well."""
    import jinja2

    failures: list[str] = []
    for lang in renderer.languages():
        for name in all_names(renderer, settings):
            queue = next((q for q in settings.service.queues if name.endswith(f"-{q}")), None)
            ticket = sample_ticket(settings, queue, lang)
            context = template_context(
                settings,
                ticket,
                customer_name=f"Yamada {MARKUP_PROBE}",
                **sample_extras(settings, name),
            )
            for part in PARTS:
                path = f"{lang}/{name}.{part}.j2"
                if not (renderer.templates_dir / path).exists():
                    failures.append(f"{path}: missing")
                    continue
                try:
                    out = renderer.env.get_template(path).render(**context)
                except jinja2.TemplateSyntaxError as exc:
                    failures.append(f"{path}:{exc.lineno}: {exc.message}")
                    continue
                except jinja2.TemplateError as exc:
                    failures.append(f"{path}: {type(exc).__name__}: {exc}")
                    continue
                except Exception as exc:  # a filter or attribute blew up: report, go on
                    failures.append(f"{path}: {type(exc).__name__}: {exc}")
                    continue
                if part == "subject" and not " ".join(out.split()):
                    failures.append(f"{path}: renders an empty subject")
                if part == "html" and MARKUP_PROBE in out:
                    failures.append(f"{path}: customer text reaches the HTML unescaped")
    return failures


def preview(
    session: Session,
    settings: Settings,
    renderer: Renderer,
    name: str,
    ticket: Ticket,
    language: str | None = None,
    *,
    body: str | None = None,
    agent: str | None = None,
) -> Rendered:
    """`name` rendered for a real ticket as the real send would: the agent's `body` and
    signature `agent` when given, sample data for the rest (a dispute, an invoice...)."""
    from ticketing.greetings import opens_with_greeting

    lang = language or ticket.language
    extras = sample_extras(settings, name)
    if body is not None:
        extras["body"] = body
        extras["greeted"] = opens_with_greeting(body)
        extras["agent"] = agent or ""
    elif agent is not None:
        extras["agent"] = agent
    context = template_context(
        settings,
        ticket,
        customer_name=customer_name(session, ticket),
        **extras,
    )
    context["language"] = lang
    return renderer.render(name, lang, context, queue=ticket.queue)
