"""Reply trimming across languages: the hand-written reply set scored per language.

Each reply in tests/data/replies/ is parsed as the desk parses it; a trimmer is right on a
reply when what it keeps equals the manifest's expected new text (compared line by line,
ignoring surrounding spaces and the number of blank lines). Our own
trimmer is `InboundEmail.new_text`; the libraries get the same decoded text (and
quotequail the HTML of an HTML-only mail, which it reads natively).

`python -m bench.replies` prints the table; `--record LABEL` also stores the figures in
tests/data/replies/measurements.csv, from which BENCHMARKS.md's section is written.
"""

from __future__ import annotations

import argparse
import csv
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email import message_from_bytes
from pathlib import Path

from ticketing.inbound import InboundEmail
from ticketing.parse import html_to_text, parse_email

REPLIES = Path(__file__).resolve().parents[1] / "tests" / "data" / "replies"
MANIFEST = REPLIES / "manifest.csv"
MEASUREMENTS = REPLIES / "measurements.csv"
LANGUAGES = ("en", "ja", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "sv", "zh", "ko")
# The languages mail-parser-reply 1.36 has tables for (it has none for pt and ru).
_MAILPARSER_LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pl", "sv", "zh", "ja", "ko"]


@dataclass(frozen=True)
class Case:
    file: str
    batch: str
    language: str
    style: str
    expected: str
    email: InboundEmail
    html_only: bool


Trimmer = Callable[[Case], str]


def load_cases(manifest: Path = MANIFEST) -> list[Case]:
    with manifest.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cases = []
    for row in rows:
        raw = (manifest.parent / row["file"]).read_bytes()
        cases.append(
            Case(
                file=row["file"],
                batch=row["batch"],
                language=row["language"],
                style=row["client_style"],
                expected=row["expected_new_text"],
                email=parse_email(raw),
                html_only=message_from_bytes(raw).get_content_type() == "text/html",
            )
        )
    return cases


def normalise(text: str) -> str:
    """The non-blank lines, stripped: paragraph spacing is layout (an HTML part's <p> and
    <br> give it differently), not what a trimmer keeps or drops."""
    lines = (line.replace("\xa0", " ").strip() for line in text.replace("\r\n", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def is_right(kept: str, case: Case) -> bool:
    return normalise(kept) == normalise(case.expected)


def ours(case: Case) -> str:
    return case.email.new_text


def mail_parser_reply_all(case: Case) -> str:
    """mail-parser-reply told every language it knows (a desk cannot know the language)."""
    from mailparser_reply import EmailReplyParser

    return (
        EmailReplyParser(languages=list(_MAILPARSER_LANGUAGES)).parse_reply(case.email.text) or ""
    )


def mail_parser_reply_told(case: Case) -> str:
    """mail-parser-reply told the mail's own language (English is always added)."""
    from mailparser_reply import EmailReplyParser

    return EmailReplyParser(languages=[case.language]).parse_reply(case.email.text) or ""


def quotequail_split(case: Case) -> str:
    """quotequail: the parts it expands by default, the intro line counted as quote."""
    import quotequail

    if case.html_only and case.email.html is not None:
        parts = quotequail.quote_html(case.email.html, quote_intro_line=True)
        return html_to_text("".join(text for shown, text in parts if shown))
    parts = quotequail.quote(case.email.text, quote_intro_line=True)
    return "\n".join(text for shown, text in parts if shown)


TRIMMERS: dict[str, Trimmer] = {
    "ours": ours,
    "mail-parser-reply 1.36 (all languages)": mail_parser_reply_all,
    "mail-parser-reply 1.36 (language told)": mail_parser_reply_told,
    "quotequail 0.5.4": quotequail_split,
}


@dataclass(frozen=True)
class Score:
    language: str
    right: int
    total: int


def score(trimmer: Trimmer, cases: Iterable[Case]) -> tuple[list[Score], list[Case]]:
    """Per-language scores (then "all") and the cases the trimmer got wrong."""
    right: dict[str, int] = {}
    total: dict[str, int] = {}
    wrong: list[Case] = []
    for case in cases:
        total[case.language] = total.get(case.language, 0) + 1
        if is_right(trimmer(case), case):
            right[case.language] = right.get(case.language, 0) + 1
        else:
            wrong.append(case)
    scores = [Score(lang, right.get(lang, 0), total[lang]) for lang in LANGUAGES if lang in total]
    scores.append(Score("all", sum(right.values()), sum(total.values())))
    return scores, wrong


def record(label: str, batch: str, scores: list[Score], path: Path = MEASUREMENTS) -> None:
    """Replace `label`'s rows for `batch` in the measurements file with these scores."""
    fields = ["date", "trimmer", "batch", "language", "right", "total"]
    rows: list[dict[str, str]] = []
    if path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [
                r
                for r in csv.DictReader(fh)
                if (r["trimmer"], r.get("batch", "main")) != (label, batch)
            ]
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M")
    rows += [
        {
            "date": date,
            "trimmer": label,
            "batch": batch,
            "language": s.language,
            "right": str(s.right),
            "total": str(s.total),
        }
        for s in scores
    ]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trimmer", choices=sorted(TRIMMERS), action="append")
    parser.add_argument("--record", metavar="LABEL", help="store ours under this label")
    parser.add_argument("--batch", choices=["main", "held-out"], action="append")
    parser.add_argument("--show-wrong", action="store_true")
    args = parser.parse_args(argv)
    cases = load_cases()
    for batch in args.batch or ["main", "held-out"]:
        chosen = [c for c in cases if c.batch == batch]
        for name in args.trimmer or list(TRIMMERS):
            scores, wrong = score(TRIMMERS[name], chosen)
            print(
                f"{batch}, {name}: "
                + ", ".join(f"{s.language} {s.right}/{s.total}" for s in scores)
            )
            if args.show_wrong:
                for case in wrong:
                    print(f"  wrong: {case.file} ({case.style}): {TRIMMERS[name](case)!r}")
            if args.record:
                record(args.record if name == "ours" else name, batch, scores)


if __name__ == "__main__":
    main()
