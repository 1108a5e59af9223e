"""Quoted history and signatures are trimmed; nothing the sender wrote is dropped."""

from __future__ import annotations

import pytest

from ticketing.quotes import trim_quoted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Thanks, that fixed it.\n\nOn Mon, May 6, 2024 at 9:15 AM Taro <t@x.jp> wrote:\n\n"
            "> Hello\n> again\n",
            "Thanks, that fixed it.",
            id="gmail-en",
        ),
        pytest.param(
            "Thanks.\n\nOn Mon, May 6, 2024 at 9:15 AM Reseller Billing <billing@reseller.example>\n"
            "wrote:\n\n> Hello\n",
            "Thanks.",
            id="gmail-en-wrapped",
        ),
        pytest.param(
            "確認しました。\n\n2024年5月1日(水) 10:00 山田 太郎 <taro@example.jp>:\n\n> 前のメール\n",
            "確認しました。",
            id="gmail-ja",
        ),
        pytest.param(
            "確認しました。\n\n2024年5月1日(水) 10:00 山田 太郎 <\ntaro@example.jp>:\n\n> 前のメール\n",
            "確認しました。",
            id="gmail-ja-wrapped",
        ),
        pytest.param(
            "山田です。\n\n山田太郎 さんは書きました:\n> 請求書を添付してください。\n",
            "山田です。",
            id="thunderbird-ja",
        ),
        pytest.param(
            "了解です。\n\niPhoneから送信\n\n2024/05/06 9:15、山田 <t@x.jp>のメール:\n\n> 前\n",
            "了解です。",
            id="iphone-ja",
        ),
        pytest.param(
            "Got it.\n\nSent from my iPhone\n\n> On May 6, 2024, at 9:15 AM, X <x@y.z> wrote:\n>\n> Hi\n",
            "Got it.",
            id="iphone-en",
        ),
        pytest.param(
            "The PO is 45.\n\n-----Original Message-----\nFrom: Billing\nSent: Monday\nTo: John\n"
            "Subject: PO\n\nWhat is the PO?\n",
            "The PO is 45.",
            id="outlook-original-message",
        ),
        pytest.param(
            "振込完了です。\n\n-----元のメッセージ-----\n差出人: 請求担当\n送信日時: 2024年5月6日\n\n前\n",
            "振込完了です。",
            id="outlook-ja-original-message",
        ),
        pytest.param(
            "Yes, cancel them.\n\nJohn\n\n________________________________\nFrom: Billing <b@r.example>\n"
            "Sent: Monday, May 6, 2024 9:15 AM\nTo: John\nSubject: RE: licenses\n\nHow many?\n",
            "Yes, cancel them.\n\nJohn",
            id="outlook-underscores",
        ),
        pytest.param(
            "Yes.\n\nFrom: Billing <b@r.example>\nSent: Monday, May 6, 2024 9:15 AM\nTo: John\n"
            "Subject: RE: licenses\n\nHow many?\n",
            "Yes.",
            id="outlook-header-block",
        ),
        pytest.param(
            "承知しました。\n\n差出人: 請求担当 <b@r.example>\n送信日時: 2024年5月6日 9:15\n"
            "宛先: 山田 太郎\n件名: RE: 請求書\n\n山田様\n",
            "承知しました。",
            id="outlook-ja-header-block",
        ),
        pytest.param(
            "承知しました。\n\n差出人： 請求担当\n送信日時： 2024年5月6日\n宛先： 山田\n件名： 請求書\n\n前\n",
            "承知しました。",
            id="outlook-ja-fullwidth-colons",
        ),
        pytest.param(
            "Please send the receipt.\n\n-- \nTaro Yamada\nExample KK\n",
            "Please send the receipt.",
            id="signature-dash-dash-space",
        ),
        pytest.param(
            "Please send the receipt.\n\n--\nTaro Yamada\n",
            "Please send the receipt.",
            id="signature-dash-dash",
        ),
        pytest.param("＞ 引用\n了解です。\n", "了解です。", id="fullwidth-quote"),
    ],
)
def test_trims_history(text: str, expected: str) -> None:
    assert trim_quoted(text) == expected


def test_interleaved_answers_are_kept() -> None:
    text = (
        "Hi,\n\nOn Mon, May 6, 2024 at 9:15 AM Billing <b@r.example> wrote:\n"
        "> 1. How many licenses?\nWe need 12.\n\n> 2. Which payment method?\n"
        "Bank transfer, please.\n\n--\nJohn Smith\nExample Corp\n"
    )
    assert trim_quoted(text) == "Hi,\n\nWe need 12.\n\nBank transfer, please."


def test_a_quoted_line_inside_new_text_keeps_the_rest() -> None:
    text = "You wrote\n> the amount is wrong\nbut it is right.\nRegards"
    assert trim_quoted(text) == "You wrote\nbut it is right.\nRegards"


def test_forwarded_header_block_is_kept() -> None:
    text = (
        "Please look at this.\n\n---------- Forwarded message ---------\nFrom: Vendor <v@x.example>\n"
        "Date: Mon, May 6, 2024\nSubject: Invoice\nTo: me\n\nAmount: 100\n"
    )
    assert trim_quoted(text) == text.strip()


def test_a_dash_dash_divider_in_the_middle_is_not_a_signature() -> None:
    body = "\n".join(f"point {i}" for i in range(20))
    text = f"Intro\n--\n{body}\n"
    assert trim_quoted(text) == text.strip()


def test_date_line_in_new_text_is_not_an_attribution() -> None:
    text = "2024年5月1日の請求について:\n金額が違います。\n"
    assert trim_quoted(text) == text.strip()


def test_wrote_line_without_quotes_is_kept() -> None:
    text = "Here is what my colleague wrote:\nthe invoice is late.\n"
    assert trim_quoted(text) == text.strip()


@pytest.mark.parametrize("text", ["> only quoted\n> lines\n", "", "   \n", "-- \nsig only\n"])
def test_nothing_left_returns_the_original_stripped(text: str) -> None:
    assert trim_quoted(text) == text.strip()


def test_text_without_markers_is_only_stripped() -> None:
    assert trim_quoted("\n  Hello there  \n\n") == "Hello there"


# -- the other languages ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Passt so.\n\nAm Di., 14. Mai 2024 um 10:00 Uhr schrieb Billing <b@r.example>:\n> Passt?\n",
            "Passt so.",
            id="gmail-de",
        ),
        pytest.param(
            "D'accord.\n\nLe mar. 14 mai 2024 à 10:00, Billing <b@r.example> a écrit :\n> OK ?\n",
            "D'accord.",
            id="gmail-fr",
        ),
        pytest.param(
            "Vale.\n\nDe: Billing <b@r.example>\nEnviado: martes, 14 de mayo de 2024 10:00\n"
            "Para: Ana\nAsunto: RE: Factura\n\n¿Vale?\n",
            "Vale.",
            id="outlook-es",
        ),
        pytest.param(
            "Да.\n\nвт, 14 мая 2024 г. в 10:00, Billing <b@r.example>:\n\n> Подтвердите.\n",
            "Да.",
            id="gmail-ru-without-verb",
        ),
        pytest.param(
            "好的。\n\nBilling <b@r.example> 于2024年5月14日周二 10:00写道：\n> 请确认。\n",
            "好的。",
            id="gmail-zh",
        ),
        pytest.param(
            "네.\n\n2024년 5월 14일 (화) 오전 10:00, Billing <b@r.example>님이 작성:\n> 확인 부탁드립니다.\n",
            "네.",
            id="gmail-ko",
        ),
        pytest.param(
            "Ja.\n\nVon meinem iPhone gesendet\n\n> Am 14.05.2024 um 10:00 schrieb Billing <b@r.example>:\n> ?\n",
            "Ja.",
            id="iphone-de",
        ),
        pytest.param(
            "Sì.\n\n-----Messaggio originale-----\nDa: Billing\nInviato: martedì 14 maggio 2024 10:00\n"
            "A: Luca\nOggetto: Rinnovo\n\nRinnoviamo?\n",
            "Sì.",
            id="outlook-it-original-message",
        ),
        pytest.param(
            "Tak.\n\nW dniu 14.05.2024 o 10:00, Billing pisze:\n> Potwierdzasz?\n",
            "Tak.",
            id="thunderbird-pl",
        ),
        pytest.param(
            "Ja.\n\nOp di 14 mei 2024 om 10:00 schreef Billing <\nb@r.example>:\n\n> Klopt dat?\n",
            "Ja.",
            id="gmail-nl-wrapped",
        ),
    ],
)
def test_trims_history_in_other_languages(text: str, expected: str) -> None:
    assert trim_quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "From: March to April we paid twice.\nTo: be clear, we want a refund.\n"
            "Subject: invoice 2024-0301.\n",
            id="from-to-subject-in-prose-en",
        ),
        pytest.param(
            "Von: Januar bis März falsch berechnet.\nAn: wen wende ich mich?\nBetreff: Gutschrift\n",
            id="von-an-betreff-in-prose-de",
        ),
        pytest.param(
            "Votre collègue m'a écrit :\nla facture sera corrigée demain.\n",
            id="a-ecrit-without-quote",
        ),
        pytest.param(
            "Am 3. Mai schrieb mir Ihr Kollege Folgendes:\ndie Gutschrift kommt bald.\n",
            id="schrieb-with-date-but-no-time-or-address",
        ),
        pytest.param("Ваш сотрудник написал:\nвозврат будет завтра.\n", id="napisal-without-quote"),
        pytest.param(
            "Thanks.\n\nОтправлено с опозданием, извините.\n",
            id="otpravleno-prose-is-not-a-device-line",
        ),
        pytest.param(
            "Bitte prüfen.\n\n---------- Weitergeleitete Nachricht ---------\nVon: Lieferant <l@x.example>\n"
            "Date: Di., 14. Mai 2024 um 10:00 Uhr\nSubject: Rechnung\nTo: <me@x.example>\n\nBetrag: 100\n",
            id="german-forward-is-kept",
        ),
        pytest.param(
            "Punkte:\n----- Zusammenfassung -----\nVon: uns bezahlt\nAn: Sie überwiesen\n",
            id="dashed-title-without-a-dated-block",
        ),
    ],
)
def test_customers_own_words_that_look_like_markers_are_kept(text: str) -> None:
    assert trim_quoted(text) == text.strip()


def test_a_signature_before_quoted_history_is_cut() -> None:
    text = (
        "Received.\n\n-- \nOlivia Harris\nHarris & Co\n\nSent from my iPad\n\n"
        "> On 11 May 2024, at 09:40, Billing <b@r.example> wrote:\n> Refund issued.\n"
    )
    assert trim_quoted(text) == "Received."
