"""`tickets attachment N --list | --save DIR | --open ID`: safe names only, directly in
DIR, never over an existing file; on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path

import pytest

from tests.desk_support import Desk
from tests.support import OUR

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def part(filename: str, data: bytes, ctype: str) -> bytes:
    return (
        f'Content-Type: {ctype}\r\nContent-Disposition: attachment; filename="{filename}"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
    ).encode() + base64.b64encode(data)


def mail_with_files() -> bytes:
    parts = [
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nPlease see the attached files.",
        part("../../etc/invoice.pdf", PDF, "application/pdf"),
        part("notes.txt", b"first", "text/plain"),
        part("notes.txt", b"second", "text/plain"),
    ]
    body = b"".join(b"--B\r\n" + p + b"\r\n" for p in parts) + b"--B--\r\n"
    head = (
        f"From: Taro <taro@customer.example>\r\nTo: {OUR}\r\nSubject: files\r\n"
        "Message-ID: <files@customer.example>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0900\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="B"\r\n\r\n'
    ).encode()
    return head + body


def test_list_save_and_refuse_to_overwrite(desk: Desk, tmp_path: Path) -> None:
    tid = desk.ingest(mail_with_files())
    rows = desk.json("tickets", "attachment", str(tid), "--list")
    assert [r["save_as"] for r in rows] == ["invoice.pdf", "notes.txt", "notes.txt"]
    assert rows[0]["filename"] == "invoice.pdf" or rows[0]["filename"].endswith("invoice.pdf")
    assert "invoice.pdf" in desk.ok("tickets", "attachment", str(tid))

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = desk.json("tickets", "attachment", str(tid), "--save", str(out_dir))
    assert result["refused"] == []
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == sorted(["invoice.pdf", "notes.txt", f"{rows[2]['id']}-notes.txt"])
    assert (out_dir / "invoice.pdf").read_bytes() == PDF
    assert (out_dir / "notes.txt").read_bytes() == b"first"
    assert not (tmp_path / "etc").exists()  # never the sender's path

    # A second save keeps every existing file and says so (exit 1).
    (out_dir / "invoice.pdf").write_bytes(b"mine")
    out = desk.fails(1, "tickets", "attachment", str(tid), "--save", str(out_dir))
    assert "exists" in out and "invoice.pdf" in out
    assert (out_dir / "invoice.pdf").read_bytes() == b"mine"


def test_open_saves_one_into_a_private_folder(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tid = desk.ingest(mail_with_files())
    rows = desk.json("tickets", "attachment", str(tid), "--list")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    launched: list[str] = []
    monkeypatch.setattr("click.launch", lambda url, *a, **k: launched.append(url) or 0)
    got = desk.json("tickets", "attachment", str(tid), "--open", str(rows[0]["id"]))
    assert launched == [got["path"]]
    assert Path(got["path"]).name == "invoice.pdf"
    assert Path(got["path"]).parent.parent == tmp_path
    assert Path(got["path"]).read_bytes() == PDF
    assert "no attachment" in desk.fails(1, "tickets", "attachment", str(tid), "--open", "99999")
    assert "one of" in desk.fails(
        2, "tickets", "attachment", str(tid), "--list", "--open", str(rows[0]["id"])
    )


def test_attachment_names_are_searchable(desk: Desk) -> None:
    tid = desk.ingest(mail_with_files())
    found = desk.json("tickets", "search", "invoice.pdf")
    assert [r["id"] for r in found] == [tid]
    assert found[0]["snippet"] == "attachment: invoice.pdf"
    assert [r["id"] for r in desk.json("tickets", "search", "NOTES.TXT")] == [tid]
    # Every term must still occur: one in the text, one in a file name.
    assert [r["id"] for r in desk.json("tickets", "search", "attached", "notes")] == [tid]
    assert desk.json("tickets", "search", "invoice.docx") == []
