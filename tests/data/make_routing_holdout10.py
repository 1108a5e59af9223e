"""Held-out batch 10 of the routing corpus (see make_routing_holdout.py), written after the
holdout-9 retuning with config/rules.toml closed while writing (the same session had just
edited the rules, so this batch is, if anything, an optimistic estimate). All four queues,
English and Japanese, varied voices: terse, angry, polite keigo, forwarded, typed on a
phone, HTML-only, ISO-2022-JP.

- "holdout-10": measured once untouched (see the figures in tests/test_rules.py), never
  tuned on. Do not edit these mails to suit the rules.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja

H10 = "holdout-10"

FWD_EN = """
-----Original Message-----
From: {sender}
Sent: {date}
Subject: {subject}
"""

HOLDOUT_10: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h10-en-billing-terse-vat.eml",
        "billing",
        "terse: wants their VAT number on future invoices",
        ("Jo Perry", "jo@perry-florists.example"),
        "vat no",
        """can you put our VAT no GB 294 1188 20 on the invoices from now on. ta

Jo
""",
        batch=H10,
    ),
    M(
        "h10-en-billing-annual-switch.eml",
        "billing",
        "polite: asks whether switching to annual billing would be cheaper",
        ("Martin Hughes", "m.hughes@hughes-surveyors.example"),
        "Monthly vs annual",
        """Good afternoon,

We currently pay monthly for 18 Business Premium seats. Would moving to an annual
commitment reduce the per-seat cost, and if so, from when could we switch? We would want
to keep the option to add people during the year.

Regards,
Martin
"""
        + sig_en("Martin Hughes", "Partner", "Hughes Chartered Surveyors"),
        batch=H10,
    ),
    M(
        "h10-en-billing-html-card-update.eml",
        "billing",
        "HTML-only: new company card, wants to update the card on file before next charge",
        ("Rachel Kim", "rachel.kim@kimdesignstudio.example"),
        "New card details",
        """<html><body><p>Hi team,</p>
<p>Our company card has been replaced (the old one expires this month). What is the safest
way to give you the new details before the next monthly charge on the 1st?</p>
<p>Thanks,<br>Rachel</p></body></html>""",
        fmt="html",
        status="active",
        batch=H10,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h10-ja-billing-keigo-breakdown.eml",
        "billing",
        "丁寧: 部門別に按分したいので明細の内訳を依頼",
        ("山口 恵子", "yamaguchi@sakae-shokuhin.example"),
        "ご請求明細の内訳について",
        """株式会社クラウドパートナー
ご担当者様

いつもお世話になっております。栄食品経理部の山口でございます。

社内で費用を部門ごとに按分することになりましたため、9月分のご請求について、
ユーザーごとのライセンス内訳をCSV等でいただくことは可能でしょうか。

お忙しいところ恐縮ですが、よろしくお願いいたします。
"""
        + sig_ja("栄食品株式会社", "経理部", "山口 恵子", "3302"),
        batch=H10,
    ),
    M(
        "h10-ja-billing-mobile-add.eml",
        "billing",
        "スマホ: 来月から1人増えるのでライセンス追加したい",
        ("木村", "kimura.y@example-mobile.example"),
        "追加",
        """来月から1人入るのでライセンス1つ追加お願いできますか
料金は来月の請求に入る感じですか？

iPhoneから送信
""",
        batch=H10,
    ),
    M(
        "h10-ja-billing-iso2022-address.eml",
        "billing",
        "ISO-2022-JP: 移転に伴い請求書送付先の変更",
        ("斉藤 亮", "saito@saito-kensetsu.example"),
        "請求書送付先変更のお願い",
        """クラウドパートナー御中

斉藤建設の斉藤です。
11月1日に本社を移転いたしますので、以降の請求書は下記住所へお送りください。

〒150-0001 東京都渋谷区神宮前1-2-3 新ビル5階

よろしくお願いいたします。
""",
        fmt="iso2022",
        batch=H10,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h10-en-disputes-angry-leavers.eml",
        "disputes",
        "angry: still paying for five people who left in spring after they were removed",
        ("Gary Nolan", "gary@nolan-haulage.example"),
        "Paying for people who left in MARCH",
        """I told your lot in March that five drivers had left and you removed their accounts.
Six months later they're STILL on every invoice. That's 5 x £18.10 x 6 months you've had
off us for nothing. I want every penny of it back.

Gary Nolan
""",
        batch=H10,
    ),
    M(
        "h10-en-disputes-polite-quote.eml",
        "disputes",
        "polite: invoiced at list price instead of the quoted partner rate",
        ("Susan Blake", "s.blake@blake-accountancy.example"),
        "Invoice INV-2024-06031 - pricing",
        """Dear Billing Team,

Thank you for invoice INV-2024-06031. I notice the Microsoft 365 E3 seats have been
invoiced at £33.00 each, whereas the quotation we accepted in August (Q-1182, attached)
was £29.50 per seat. I'd be grateful if you could issue a credit note for the difference
and send an amended invoice.

With thanks,
Susan Blake
"""
        + sig_en("Susan Blake", "Office Manager", "Blake Accountancy LLP"),
        attach=(("Quotation_Q-1182.pdf", "application/pdf"),),
        batch=H10,
    ),
    M(
        "h10-en-disputes-mobile-double.eml",
        "disputes",
        "mobile: direct debit came out two times in one week",
        ("Amy Foster", "amyfoster@fosterhair.example"),
        "dd",
        """hi, the direct debit came out on monday AND on friday, £72 both times. pretty sure
that's a mistake on your end? pls sort and refund one of them

Sent from my iPhone
""",
        batch=H10,
    ),
    M(
        "h10-en-disputes-forwarded-md.eml",
        "disputes",
        "forwarded from MD: Azure bill jumped from ~£300 to £2,900, nobody deployed anything",
        ("Ian Shaw", "ian.shaw@shaw-optics.example"),
        "FW: Azure bill",
        """Hi,

See below from our MD. We haven't deployed anything new, the usage should be the same as
every month. We're not paying £2,900 for a dev environment that normally costs £300 -
please look at it and correct the bill.

Ian
"""
        + FWD_EN.format(
            sender="Helen Shaw",
            date="12 October 2024 09:14",
            subject="Azure bill",
        )
        + """
Ian - the Azure bill this month is £2,900?! It's usually about £300. What happened?
""",
        batch=H10,
    ),
    M(
        "h10-en-disputes-html-downgrade.eml",
        "disputes",
        "HTML-only: downgraded in September but October still at Premium rate",
        ("Daniel Osei", "daniel.osei@oseiconsulting.example"),
        "Downgrade not reflected on October invoice",
        """<html><body><p>Hello,</p>
<p>We downgraded all 14 users from Business Premium to Business Standard on 12 September,
which your team confirmed by email. The October invoice still bills every user at the
Premium price. Please correct this and credit the overcharge for the part of September
after the change as well.</p>
<p>Kind regards,<br>Daniel Osei</p></body></html>""",
        fmt="html",
        batch=H10,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h10-ja-disputes-keigo-cancelled.eml",
        "disputes",
        "丁寧: 9月末で解約したPower BIが10月も請求されている、返金依頼",
        ("藤田 美香", "fujita@fujita-insatsu.example"),
        "解約済みサービスのご請求について",
        """株式会社クラウドパートナー
ご担当者様

いつも大変お世話になっております。藤田印刷の藤田でございます。

Power BI Proにつきましては9月末をもって解約のお手続きをいただいておりますが、
10月分のご請求書に引き続き10ライセンス分が記載されておりました。

つきましては、当該金額を返金いただくか、次回請求にて相殺いただけますよう
お願い申し上げます。
"""
        + sig_ja("藤田印刷株式会社", "総務部", "藤田 美香", "1201"),
        batch=H10,
    ),
    M(
        "h10-ja-disputes-angry-double.eml",
        "disputes",
        "怒り: 同じ請求書の金額がカードから2回落ちている",
        ("前田 修", "maeda@maeda-kougei.example"),
        "カードから2回引かれています",
        """10月分の料金、カードから同じ金額が2回引かれてます。
明細見ればすぐわかるはずです。1回分すぐ返してください。

前田工芸　前田
""",
        batch=H10,
    ),
    M(
        "h10-ja-disputes-iso2022-discount.eml",
        "disputes",
        "ISO-2022-JP: 約束された年間契約の値引きが請求書に反映されていない",
        ("清水 隆", "shimizu@shimizu-yakuhin.example"),
        "値引きが反映されていません",
        """クラウドパートナー様

清水薬品の清水です。
年間契約への切り替え時に、営業の方から15%値引きするとお約束いただきましたが、
今回の請求書は通常価格のままでした。
差額を調整した請求書を再発行してください。

清水
""",
        fmt="iso2022",
        batch=H10,
    ),
    # ------------------------------------------------------------------ collections (en)
    M(
        "h10-en-collections-terse-end-month.eml",
        "collections",
        "terse: owes last two invoices, can pay at end of month",
        ("Dev Sharma", "dev@sharma-tiles.example"),
        "Re: Account balance",
        """Know we're behind on the last two. Can do it all on the 31st when our big customer
pays us. Hope that's OK.

Dev
""",
        batch=H10,
    ),
    M(
        "h10-en-collections-polite-plan.eml",
        "collections",
        "polite: asks to pay a large overdue balance in monthly parts",
        ("Catherine Moore", "c.moore@moore-tutoring.example"),
        "Outstanding balance - request",
        """Dear Accounts,

I'm aware our account has an outstanding balance of £2,460 across three invoices. The
autumn term fees arrive late this year, and I'd like to propose clearing it at £820 a month
over the next three months, starting this Friday. Please let me know if that is agreeable.

Yours sincerely,
Catherine Moore
"""
        + sig_en("Catherine Moore", "Director", "Moore Tutoring Ltd"),
        batch=H10,
    ),
    M(
        "h10-en-collections-html-bounced.eml",
        "collections",
        "HTML-only: the bank returned their payment, asks for details to try again",
        ("Payables", "payables@greenleaf-nursery.example"),
        "Payment returned by bank",
        """<html><body><p>Hello,</p>
<p>Our bank has just returned our payment for INV-2024-05877 as the account details did not
match. Could you confirm your bank details so we can resend it today? Apologies that this
makes it late.</p>
<p>Greenleaf Nursery Payables</p></body></html>""",
        fmt="html",
        batch=H10,
    ),
    # ------------------------------------------------------------------ collections (ja)
    M(
        "h10-ja-collections-keigo-late.eml",
        "collections",
        "丁寧: 9月分が期日までに支払えなかったお詫びと支払予定日",
        ("村上 直樹", "murakami@murakami-unso.example"),
        "9月分お支払いの遅れにつきまして",
        """株式会社クラウドパートナー
ご担当者様

平素より大変お世話になっております。村上運送の村上でございます。

9月分のご請求につきまして、期日までにお支払いができておらず誠に申し訳ございません。
経理担当者の急な退職により処理が滞っておりました。
10月25日までに必ずお振込みいたしますので、何卒ご容赦くださいますようお願い申し上げます。
"""
        + sig_ja("村上運送株式会社", "管理部", "村上 直樹", "5510"),
        batch=H10,
    ),
    M(
        "h10-ja-collections-mobile-stopped.eml",
        "collections",
        "スマホ, 延滞中の顧客: 使えなくなった、払ったら戻るか",
        ("後藤", "goto.r@example-mobile.example"),
        "使えない",
        """メール使えなくなったんですが未払いのせいですか？
今日払えば今日中に戻りますか

iPhoneから送信
""",
        status="suspended",
        batch=H10,
    ),
    # ------------------------------------------------------------------ escalations (en)
    M(
        "h10-en-escalations-terse-onedrive.eml",
        "escalations",
        "terse: OneDrive not syncing on any laptop since yesterday",
        ("Pete Lowe", "pete@lowe-joinery.example"),
        "onedrive",
        """onedrive hasn't synced on any of our laptops since yesterday lunchtime. red cross on
everything. need it fixed today pls

Pete
""",
        batch=H10,
    ),
    M(
        "h10-en-escalations-angry-migration.eml",
        "escalations",
        "angry: emails missing after tenant migration, wants Microsoft engaged",
        ("Sandra Kerr", "sandra@kerr-estates.example"),
        "Migration has lost our email",
        """Since your migration at the weekend three of our agents have no email older than
last Thursday. Years of client correspondence, gone. I want this raised with Microsoft
today and a named person keeping me updated until it is back.

Sandra Kerr
"""
        + sig_en("Sandra Kerr", "Director", "Kerr Estates"),
        batch=H10,
    ),
    M(
        "h10-en-escalations-html-licence-missing.eml",
        "escalations",
        "HTML-only: paid-for Copilot licences not showing in the admin centre",
        ("Tom Ridley", "tom.ridley@ridley-legal.example"),
        "Copilot licences not available",
        """<html><body><p>Hi,</p>
<p>We bought 10 Microsoft 365 Copilot licences on Monday and the order shows as complete,
but they aren't available to assign in the admin centre - the product isn't listed at all.
Can you chase this with Microsoft?</p>
<p>Tom</p></body></html>""",
        fmt="html",
        batch=H10,
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "h10-ja-escalations-keigo-teams.eml",
        "escalations",
        "丁寧: Teams会議で音声が途切れる、メーカーへの調査依頼",
        ("中村 彩", "nakamura@nakamura-hoken.example"),
        "Teams会議の音声途切れについて",
        """株式会社クラウドパートナー
ご担当者様

いつもお世話になっております。中村保険事務所の中村でございます。

先週より、Teams会議中に数分おきに音声が途切れる事象が全拠点で発生しております。
回線やPCを替えても改善いたしません。
恐れ入りますが、マイクロソフト社へ調査をご依頼いただけますでしょうか。
"""
        + sig_ja("中村保険事務所", "総務課", "中村 彩", "0812"),
        batch=H10,
    ),
    M(
        "h10-ja-escalations-iso2022-mailflow.eml",
        "escalations",
        "ISO-2022-JP: 取引先からのメールが届かない",
        ("松田 翔", "matsuda@matsuda-kikai.example"),
        "取引先からのメールが届きません",
        """クラウドパートナー様

松田機械の松田です。
昨日の午後から、社外からのメールが一通も届いていません。
社内同士のメールは問題なく送受信できています。急ぎ確認をお願いします。

松田
""",
        fmt="iso2022",
        batch=H10,
    ),
    M(
        "h10-ja-escalations-angry-portal.eml",
        "escalations",
        "怒り: 管理画面にログインしてもすぐ追い出される",
        ("岩崎", "iwasaki@iwasaki-denko.example"),
        "管理画面",
        """管理画面にログインしても数秒でログイン画面に戻されます。昨日から何十回もです。
ユーザー追加ができず業務が止まっています。早く何とかしてください。

岩崎電工　岩崎
""",
        batch=H10,
    ),
]
