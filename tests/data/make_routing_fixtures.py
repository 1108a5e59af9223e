"""Write the labelled routing corpus: tests/data/routing/*.eml and labels.toml.

The .eml files are committed; this script is how they were made and how to change them
(edit a message here, run `python tests/data/make_routing_fixtures.py`, commit the
output). Output is deterministic. Every message is written to read like real customer
mail to a cloud reseller's billing desk, in English and Japanese, in the encodings real
clients send (UTF-8 8bit/QP/base64, ISO-2022-JP, Shift_JIS, HTML-only, multipart), with
signatures, disclaimers, typos and quoted history that mentions other queues' words.
"""

from __future__ import annotations

import base64
import html
import quopri
import sys
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.utils import format_datetime, formataddr
from pathlib import Path

OUT = Path(__file__).resolve().parent / "routing"
OUR = "billing@cloudpartner.example"
JST = timezone(timedelta(hours=9))

# A fake but well-formed PDF, so attachments look like what customers really send.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass(frozen=True)
class M:
    file: str
    queue: str
    why: str
    sender: tuple[str, str]
    subject: str
    body: str
    fmt: str = "utf8-8bit"  # utf8-8bit|utf8-qp|utf8-b64|iso2022|sjis|alt|html
    status: str | None = None
    attach: tuple[tuple[str, str], ...] = ()
    to: str = OUR
    # "holdout-1": written after the rules were frozen, to measure them honestly (see
    # tests/test_rules.py); the default rules were tuned on everything else.
    batch: str = "dev"


SIG_EN_DISCLAIMER = """
Kind regards,
{name}

{name} | {role}
{company}
This e-mail and any attachments are confidential and intended solely for the addressee.
If you have received this e-mail in error, please notify the sender immediately and delete it.
"""

SIG_JA = """
━━━━━━━━━━━━━━━━━━━━
{company}
{dept} {name}
TEL: 03-5555-{tel} / FAX: 03-5555-{fax}
━━━━━━━━━━━━━━━━━━━━
"""


def sig_en(name: str, role: str, company: str) -> str:
    return SIG_EN_DISCLAIMER.format(name=name, role=role, company=company)


def sig_ja(company: str, dept: str, name: str, tel: str = "0101") -> str:
    return SIG_JA.format(company=company, dept=dept, name=name, tel=tel, fax=tel[::-1])


MESSAGES: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "en-billing-invoice-copy.eml",
        "billing",
        "asks for a copy of an invoice",
        ("Laura Chen", "laura.chen@northwind.example"),
        "Copy of May invoice please",
        """Hi team,

Our auditors need a PDF copy of the invoice for May (I think it was INV-2024-00412).
Could you send it to me, or tell me where I can download it myself?

Thanks,
Laura
--
Laura Chen | Accounts Payable | Northwind Traders
""",
    ),
    M(
        "en-billing-contact-change.eml",
        "billing",
        "billing contact change; the disclaimer says 'in error'",
        ("Maria Lopez", "m.lopez@fabrikam.example"),
        "New billing contact for Fabrikam",
        """Hello,

From 1 July please send all invoices and billing notifications to
accounts@fabrikam.example instead of my address. Tom Baker (tom.baker@fabrikam.example)
will be our new billing contact.
"""
        + sig_en("Maria Lopez", "Finance Manager", "Fabrikam, Inc."),
        fmt="utf8-qp",
    ),
    M(
        "en-billing-refund-question.eml",
        "billing",
        "a refund question about reducing seats, nothing contested",
        ("Derek Owens", "derek@blueyonder.example"),
        "Reducing licences - refund?",
        """Hi,

We are going to reduce our Microsoft 365 Business Standard licences from 40 to 32 next
month. If we do that in the middle of the term, do we get a refund or a credit for the
unused days, or does it only take effect at renewal?

Just want to understand how it works before we make the change.

Cheers,
Derek
""",
    ),
    M(
        "en-billing-card-update.eml",
        "billing",
        "HTML-only: update the credit card on file",
        ("Priya Natarajan", "priya@contoso-retail.example"),
        "Updating our card on file",
        """<p>Hello Billing Team,</p>
<p>Our company credit card ending 4421 expires at the end of this month. What is the
safest way to give you the new card details? I'd rather not send the number by e-mail.</p>
<p>Best,<br>Priya Natarajan<br>Office Manager, Contoso Retail</p>""",
        fmt="html",
    ),
    M(
        "en-billing-vat.eml",
        "billing",
        "VAT / reverse charge question",
        ("Jens Müller", "jens.mueller@alpine-ski.example"),
        "VAT ID on our invoices",
        """Dear Sir or Madam,

we are a German company and need our VAT ID (DE123456789) on every invoice so that the
reverse-charge mechanism applies. The last invoices show Japanese consumption tax
instead. Could you please update our billing profile accordingly?

Mit freundlichen Grüßen / Best regards
Jens Müller
Alpine Ski GmbH
""",
    ),
    M(
        "en-billing-annual.eml",
        "billing",
        "switching from monthly to annual billing",
        ("Sam Park", "sam.park@tailspin.example"),
        "Monthly -> annual billing?",
        """Hey,

Is it possible to switch our Azure support plan and the M365 seats from monthly to annual
billing? If so, what would the price difference be and when would the first annual
invoice be issued?

Sam
""",
    ),
    M(
        "en-billing-currency.eml",
        "billing",
        "asks to be invoiced in yen instead of dollars",
        ("Kenji Watanabe", "k.watanabe@globex.example"),
        "Invoice currency",
        """Hello,

Our invoices are in USD (the last one was $1,200.00), but our accounting system works in
JPY. Can you invoice us in yen from next month? If not, which exchange rate do you use?

Regards,
Kenji Watanabe
Globex Japan
""",
    ),
    M(
        "en-billing-po-number.eml",
        "billing",
        "PO number must appear on invoices",
        ("Angela Ruiz", "aruiz@litware.example"),
        "Purchase order number on invoices",
        """Hi,

Our procurement department issued purchase order PO 4500012345 for the Azure
consumption for FY2024. Invoices without the PO number will be rejected by our AP system,
so please make sure it is printed on every invoice from now on.

Thank you,
Angela Ruiz
Procurement, Litware
""",
        fmt="alt",
    ),
    M(
        "en-billing-quote-trap-dispute.eml",
        "billing",
        "new question about adding licences; the quoted old thread talks of a double charge",
        ("Oliver Grant", "oliver.grant@adatum.example"),
        "Adding 5 more E3 licences",
        """Hi Sarah,

Thanks again for sorting out the issue below last month. New question: we are hiring five
people in August. What would it cost to add five more Microsoft 365 E3 licences, and
would they be co-termed with the existing ones?

Best,
Oliver

On Tue, 14 May 2024 at 10:12, Billing Support <billing@cloudpartner.example> wrote:
> Dear Oliver,
> we have confirmed that you were double charged for April and a refund of
> USD 2,310.00 has been issued. We have also withdrawn the dispute with the vendor.
>
> > We were charged twice for April and want the duplicate refunded.
""",
    ),
    M(
        "en-billing-typos-receipt.eml",
        "billing",
        "receipt request full of typos",
        ("Ben Howard", "ben@trey-research.example"),
        "reciept for last weeks paymnet",
        """hi can u send me the reciept for the paymnet we made last week? i need it for my
expence report by friday. the amount was 49,500 yen i think

thx
ben

Sent from my iPhone
""",
    ),
    M(
        "en-billing-payment-methods.eml",
        "billing",
        "which payment methods are accepted",
        ("Grace Kim", "grace.kim@wingtip.example"),
        "Payment by bank transfer?",
        """Hello,

Our finance team prefers to pay by bank transfer rather than credit card. Do you accept
transfers, and if so, could you send us your bank details and the reference we should
quote?

Kind regards,
Grace Kim
Wingtip Toys
""",
    ),
    M(
        "en-billing-cancel-refund-policy.eml",
        "billing",
        "refund eligibility question after a cancellation, not a complaint",
        ("Hannah Scott", "hannah@proseware.example"),
        "Refund policy after cancelling within 7 days",
        """Hi there,

We cancelled the Dynamics 365 Sales trial-to-paid conversion three days after it started.
Are we eligible for a refund under the 7-day cancellation policy, and how long does a
refund normally take to reach our card?

Thanks in advance,
Hannah Scott
""",
    ),
    M(
        "en-billing-explain-line.eml",
        "billing",
        "asks what a line on the invoice means; curious, not contesting",
        ("Ravi Patel", "ravi.patel@fourthcoffee.example"),
        "What is this line on invoice INV-2024-00123?",
        """Hi,

On invoice INV-2024-00123 there is a line called "Azure plan - consumption" for
¥18,240. I don't think we've seen it before. Could you explain what this charge covers?
Nothing wrong as far as I can tell, I'd just like to understand it for our budget.

Ravi
""",
    ),
    M(
        "en-billing-proration.eml",
        "billing",
        "proration when upgrading plans",
        ("Chloe Martin", "chloe.martin@margie.example"),
        "Upgrade from Business Basic to Business Standard",
        """Good morning,

If we upgrade 12 users from Business Basic to Business Standard on the 15th, how will
that be invoiced? Will the difference be prorated on the next invoice or charged
separately?

Best regards,
Chloe Martin
Margie's Travel
""",
        fmt="alt",
    ),
    M(
        "en-billing-quote-trap-overdue.eml",
        "billing",
        "billing-address change; the quoted old reminder says overdue and suspended",
        ("Frank Weber", "frank.weber@woodgrove.example"),
        "Billing address for future invoices",
        """Hello,

We have moved offices. Please use the following billing address from now on:

Woodgrove Bank KK
2-1-1 Marunouchi, Chiyoda-ku
Tokyo 100-0005

Thanks,
Frank

________________________________
From: Billing Support <billing@cloudpartner.example>
Sent: Monday, March 4, 2024 9:02 AM
To: Frank Weber <frank.weber@woodgrove.example>
Subject: Reminder: invoice INV-2024-00098 is overdue

Dear customer, invoice INV-2024-00098 is overdue. If it remains unpaid your subscription
may be suspended.
""",
    ),
    M(
        "en-billing-credit-note.eml",
        "billing",
        "asks for a credit note for seats they removed as agreed",
        ("Isabel Costa", "isabel.costa@relecloud.example"),
        "Credit note for removed seats",
        """Hi,

As discussed with your account manager, we removed 10 seats on 3 June. Could you issue
the credit note for the remaining days of June so we can match it against invoice
INV-2024-00530? Our auditors ask for a separate document.

Thanks,
Isabel
""",
    ),
    M(
        "en-billing-paid-confirm-active.eml",
        "billing",
        "payment confirmation from a customer in good standing",
        ("Lucas Brown", "lucas.brown@humongous.example"),
        "Payment sent for INV-2024-00456",
        """Hello,

We paid invoice INV-2024-00456 by bank transfer yesterday (¥264,000). Could you confirm
when you have received it?

Best regards,
Lucas Brown
Humongous Insurance
""",
        status="active",
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "ja-billing-reissue.eml",
        "billing",
        "請求書の宛名変更と再発行",
        ("佐藤 花子", "h.sato@sakura-shoji.example"),
        "請求書再発行のお願い",
        """クラウドパートナー株式会社
請求ご担当者様

いつも大変お世話になっております。
さくら商事の佐藤でございます。

先日お送りいただきました5月分の請求書につきまして、
宛名を「さくら商事株式会社 経理部」に変更のうえ、
再発行をお願いできますでしょうか。

お忙しいところ恐れ入りますが、よろしくお願いいたします。
"""
        + sig_ja("さくら商事株式会社", "経理部", "佐藤 花子", "1201"),
        fmt="iso2022",
    ),
    M(
        "ja-billing-payment-method.eml",
        "billing",
        "支払方法をカードから口座振替へ",
        ("高橋 誠", "takahashi@hikari-kogyo.example"),
        "お支払い方法の変更について",
        """ご担当者様

お世話になっております。ひかり工業の高橋です。

現在クレジットカードでお支払いしておりますが、
来月分より口座振替に切り替えたいと考えております。
必要な手続きと書類をご教示いただけますでしょうか。

よろしくお願いいたします。
"""
        + sig_ja("ひかり工業株式会社", "総務部", "高橋 誠", "3344"),
        fmt="utf8-b64",
    ),
    M(
        "ja-billing-refund-question.eml",
        "billing",
        "途中解約時の返金の有無を尋ねる質問",
        ("中村 健一", "k.nakamura@aozora-design.example"),
        "年間契約の途中解約と返金について",
        """お世話になっております。あおぞらデザインの中村です。

Microsoft 365 の年間契約を結んでおりますが、
事業縮小に伴い、9月末で一部ライセンスの解約を検討しております。

年間契約を途中で解約した場合、残り期間分の返金はございますでしょうか。
また、返金がある場合の計算方法についても教えていただけますと幸いです。

よろしくお願いいたします。

--
あおぞらデザイン株式会社
中村 健一
""",
    ),
    M(
        "ja-billing-address-change.eml",
        "billing",
        "請求書送付先メールアドレス変更",
        ("小林 美咲", "kobayashi@midori-foods.example"),
        "請求書送付先変更のお願い",
        """株式会社クラウドパートナー
ご担当者様

平素より大変お世話になっております。
みどり食品の小林でございます。

担当者変更に伴い、請求書の送付先メールアドレスを
下記に変更していただきたく、ご連絡いたしました。

新送付先：keiri@midori-foods.example

何卒よろしくお願い申し上げます。
"""
        + sig_ja("みどり食品株式会社", "経理課", "小林 美咲", "7788"),
        fmt="iso2022",
    ),
    M(
        "ja-billing-exchange-rate.eml",
        "billing",
        "HTML-only: 見積と請求の金額差は為替の影響かという質問",
        ("伊藤 直樹", "n.ito@kaze-logistics.example"),
        "見積金額と請求金額の差について",
        """<div>ご担当者様</div>
<div>&nbsp;</div>
<div>お世話になっております。風ロジスティクスの伊藤です。</div>
<div>&nbsp;</div>
<div>6月分のAzure利用料について、お見積りでは ￥120,000 でしたが、
請求書では ￥123,400 となっておりました。</div>
<div>為替レートの影響かと存じますが、念のため内訳をご教示いただけますでしょうか。</div>
<div>&nbsp;</div>
<div>よろしくお願いいたします。</div>
<div>伊藤</div>""",
        fmt="html",
    ),
    M(
        "ja-billing-invoice-number.eml",
        "billing",
        "適格請求書の登録番号記載のお願い",
        ("山本 由美", "yamamoto@hoshi-clinic.example"),
        "インボイス制度の登録番号について",
        """ご担当者様

いつもお世話になっております。ほし歯科クリニックの山本です。

インボイス制度への対応のため、今後の請求書に
貴社の適格請求書発行事業者登録番号（T＋13桁）を
記載していただくことは可能でしょうか。

ご確認のほど、よろしくお願いいたします。
""",
        fmt="utf8-qp",
    ),
    M(
        "ja-billing-halfwidth-card.eml",
        "billing",
        "半角カナ混じりの件名: カード変更",
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "yamada@tsubame-denki.example"),
        "【ご確認】ｸﾚｼﾞｯﾄｶｰﾄﾞ変更の件",
        """ｸﾗｳﾄﾞﾊﾟｰﾄﾅｰ 御中

つばめ電機の山田です。
来月からｸﾚｼﾞｯﾄｶｰﾄﾞを法人ｶｰﾄﾞに変更したいのですが、
変更の手続きはどのようにすればよろしいでしょうか。

山田
""",
    ),
    M(
        "ja-billing-payment-terms.eml",
        "billing",
        "支払サイト変更の相談",
        ("加藤 恵", "kato@umi-kensetsu.example"),
        "支払条件の変更についてのご相談",
        """ご担当者様

お世話になっております。海建設の加藤でございます。

現在、月末締め翌月15日払いとなっておりますが、
弊社の経理規程の変更により、月末締め翌月末払いへの
変更をお願いすることは可能でしょうか。

ご検討のほど、よろしくお願いいたします。
"""
        + sig_ja("海建設株式会社", "経理部", "加藤 恵", "4545"),
        fmt="iso2022",
    ),
    M(
        "ja-billing-quote-trap-dispute.eml",
        "billing",
        "ライセンス追加費用の質問。引用部分に二重請求・返金の過去のやり取り",
        ("吉田 翔", "s.yoshida@kumo-soft.example"),
        "ライセンス追加の費用について",
        """請求サポート ご担当者様

先日はご対応いただきありがとうございました。
別件で恐縮ですが、来月入社予定の3名分のライセンスを
追加する場合の費用を教えていただけますでしょうか。

よろしくお願いいたします。
吉田

2024年5月10日(金) 14:02 請求サポート <billing@cloudpartner.example>:
> 吉田様
>
> 4月分の二重請求の件、確認が取れましたので返金手続きを行いました。
> ご迷惑をおかけし申し訳ございませんでした。
""",
    ),
    M(
        "ja-billing-receipt.eml",
        "billing",
        "領収書の発行依頼",
        ("松本 大輔", "matsumoto@kiku-gakuen.example"),
        "領収書発行のお願い",
        """ご担当者様

お世話になっております。きく学園の松本です。

4月分のご利用料金につきまして、先日お振込みいたしました。
学園の会計処理のため、領収書を発行していただけますでしょうか。
宛名は「学校法人きく学園」でお願いいたします。

よろしくお願いいたします。
""",
        fmt="utf8-b64",
    ),
    M(
        "ja-billing-annual-sjis.eml",
        "billing",
        "Shift_JIS: 年額払いへの切り替え相談（①②の箇条書き）",
        ("井上 綾", "inoue@fuji-seimitsu.example"),
        "年額払いへの切り替えについて",
        """ご担当者様

いつもお世話になっております。富士精密の井上です。

現在月額払いとなっている下記の契約について、年額払いへ切り替えた場合の
お見積りをいただけますでしょうか。

①Microsoft 365 Business Premium　25ライセンス
②Azure サポートプラン

以上、よろしくお願いいたします。
"""
        + sig_ja("富士精密株式会社", "情報システム部", "井上 綾", "6060"),
        fmt="sjis",
    ),
    M(
        "ja-billing-currency.eml",
        "billing",
        "ドル建てから円建てへの変更",
        ("木村 拓也", "kimura@tsuki-trading.example"),
        "請求通貨の変更について",
        """お世話になっております。月貿易の木村です。

現在、Azureのご請求がドル建て（先月はUSD 3,450）となっておりますが、
円建てでのご請求に変更していただくことは可能でしょうか。

ご確認をお願いいたします。
木村
""",
    ),
    M(
        "ja-billing-trial-start.eml",
        "billing",
        "試用期間終了後の課金開始日の確認",
        ("林 真由美", "hayashi@yama-kanko.example"),
        "試用期間終了後の課金開始日について",
        """ご担当者様

お世話になっております。やま観光の林でございます。

現在 Dynamics 365 を試用しておりますが、試用期間終了後、
課金はいつから開始されますでしょうか。
また、初回の請求書はいつ頃届きますでしょうか。

よろしくお願いいたします。
"""
        + sig_ja("やま観光株式会社", "営業企画部", "林 真由美", "9090"),
        fmt="iso2022",
    ),
    M(
        "ja-billing-paid-confirm-active.eml",
        "billing",
        "振込完了の連絡（優良顧客）",
        ("清水 浩", "shimizu@hana-print.example"),
        "お振込み完了のご連絡",
        """ご担当者様

お世話になっております。はな印刷の清水です。

本日、6月分のご請求（請求書番号 20240611）の代金を振り込みました。
ご確認のほど、よろしくお願いいたします。

清水
""",
        status="active",
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "en-disputes-charged-twice.eml",
        "disputes",
        "two identical card charges; threatens a chargeback",
        ("Mark Ellis", "mark.ellis@cohovineyard.example"),
        "Two identical charges on our Amex",
        """Hello,

Our Amex statement shows two identical charges of $1,234.56 on 3 June for the same
March subscription. Please refund the duplicate. If this isn't fixed by the end of the
week our finance department will file a chargeback with the card issuer.

Mark Ellis
Coho Vineyard
""",
    ),
    M(
        "en-disputes-wrong-seat-count.eml",
        "disputes",
        "billed for 50 seats, they have 35",
        ("Nora Fitzgerald", "nora@lucerne-pub.example"),
        "Invoice INV-2024-00789 - wrong number of licences",
        """Hi,

Invoice INV-2024-00789 bills us for 50 Business Premium licences, but we have only had 35
since February - the admin centre confirms it. The invoice is incorrect; please correct
it and send a revised invoice. We will hold payment until then.

Regards,
Nora Fitzgerald
Lucerne Publishing
""",
        fmt="utf8-qp",
    ),
    M(
        "en-disputes-unauthorized.eml",
        "disputes",
        "licences they never ordered",
        ("Victor Nguyen", "victor.nguyen@adventure-works.example"),
        "Power BI Pro licences we never ordered",
        """Hello,

This month's invoice contains 20 Power BI Pro licences. Nobody at Adventure Works
ordered these and we did not authorise the purchase. Please remove them and refund the
amount (¥37,500).

Victor Nguyen
IT Director
""",
    ),
    M(
        "en-disputes-cancelled-still-billed.eml",
        "disputes",
        "cancelled in May, billed for June; confirmation attached",
        ("Ella Johansson", "ella.johansson@nordic-design.example"),
        "Still billed after cancellation",
        """Hello,

We cancelled our Dynamics 365 Business Central subscription on 2 May (confirmation
attached), but we were billed again for June. Please reverse the June charge.

Best regards,
Ella Johansson
Nordic Design AB
""",
        attach=(("cancellation-confirmation.pdf", "application/pdf"),),
    ),
    M(
        "en-disputes-typos-double.eml",
        "disputes",
        "typos: 'chraged twice', 'duplicat'",
        ("Tony Russo", "tony@pizzeria-russo.example"),
        "card chraged twice??",
        """hi, our card was chraged twice this month for the same invoice. pls refund the
duplicat payment asap, this is the second time this happens

tony

Sent from my Galaxy
""",
    ),
    M(
        "en-disputes-formal-html.eml",
        "disputes",
        "HTML-only formal dispute letter with an EUR amount",
        ("Claire Dubois", "claire.dubois@bellows-college.example"),
        "Formal dispute - invoice INV-2024-00655",
        """<html><body>
<p>Dear Sir or Madam,</p>
<p>We hereby formally dispute invoice <b>INV-2024-00655</b> dated 1 June 2024 for an
amount of <b>EUR 4,500.00</b>. The services invoiced were not delivered in the period
stated.</p>
<p>Please confirm receipt of this dispute and suspend any collection activity while it is
under review.</p>
<p>Yours faithfully,<br>Claire Dubois<br>Head of Finance, Bellows College</p>
</body></html>""",
        fmt="html",
    ),
    M(
        "en-disputes-agreed-price.eml",
        "disputes",
        "charged list price instead of the agreed rate",
        ("Peter Novak", "peter.novak@fineartschool.example"),
        "June invoice - discount not applied",
        """Hi,

The June invoice charges us the list price for Microsoft 365 E5 instead of the rate we
agreed in our contract (15% discount). That is not what we agreed. We expect a credit
for the difference, USD 840, on the next invoice.

Peter Novak
Fine Art School
""",
    ),
    M(
        "en-disputes-bank-reverse.eml",
        "disputes",
        "asked the bank to reverse a payment for a service never received",
        ("Linda Park", "linda.park@citypower.example"),
        "Payment reversal",
        """Hello,

I have asked our bank to reverse last month's direct debit. You billed us for an Azure
reserved instance we never received - the reservation was never activated in our
tenant.

Linda Park
City Power & Light
""",
    ),
    M(
        "en-disputes-quote-trap-overdue.eml",
        "disputes",
        "contests the invoice our quoted reminder calls overdue",
        ("George Adams", "g.adams@southridge.example"),
        "Re: Payment reminder - invoice INV-2024-01111 overdue",
        """Hello,

We will not pay this invoice as it stands: it includes 12 licences that we removed in
April, so the amount is wrong. We contest the charge for those 12 licences. Please send
a corrected invoice.

George Adams
Southridge Video

On Mon, 3 Jun 2024 at 09:00, Billing Support <billing@cloudpartner.example> wrote:
> Dear customer,
> invoice INV-2024-01111 is now 14 days overdue. Please arrange payment to avoid
> suspension of your subscriptions.
""",
    ),
    M(
        "en-disputes-price-increase.eml",
        "disputes",
        "price rose despite a fixed-price agreement",
        ("Susan Reed", "susan.reed@graphicdesign.example"),
        "Unexpected price increase",
        """Hello,

We signed a three-year agreement at a fixed price in 2023, but the new invoice shows
the increased list price for all 80 seats. This is not what we agreed and we do not
accept the increase. Please re-issue the invoice at the contracted price.

Susan Reed
Graphic Design Institute
""",
        fmt="alt",
    ),
    M(
        "en-disputes-duplicate-invoices.eml",
        "disputes",
        "two invoices for the same period",
        ("Henry Clark", "henry.clark@treyresearch.example"),
        "Duplicate invoices INV-2024-00901 and INV-2024-00902",
        """Hi,

We received two invoices, INV-2024-00901 and INV-2024-00902, for exactly the same period
and the same Azure subscription. We will only pay one of them. Please cancel the
duplicate invoice.

Henry Clark
""",
    ),
    M(
        "en-disputes-trial-converted.eml",
        "disputes",
        "trial converted to paid without consent",
        ("Olga Petrova", "olga@wideworldimporters.example"),
        "We never agreed to a paid subscription",
        """Hello,

Our Teams Premium trial converted to a paid subscription without our consent and we
were charged ¥54,000. Nobody approved this. Please cancel it and refund the full amount.

Olga Petrova
Wide World Importers
""",
    ),
    M(
        "en-disputes-billing-error.eml",
        "disputes",
        "'billing error': invoiced twice for one order",
        ("Kevin Moore", "kevin.moore@tailwind.example"),
        "Billing error on order #A-77812",
        """Hi,

There is a billing error on our account: order #A-77812 was invoiced twice, once on
INV-2024-00870 and again on INV-2024-00871. Please credit the second invoice.

Thanks,
Kevin Moore
Tailwind Traders
""",
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "ja-disputes-double-charge.eml",
        "disputes",
        "二重請求（カードに2回計上）",
        ("田中 一郎", "tanaka@minato-unyu.example"),
        "二重請求について",
        """ご担当者様

お世話になっております。みなと運輸の田中です。

5月分のご利用料金が、クレジットカードに2回計上されております。
明らかな二重請求と思われますので、1回分の返金をお願いいたします。

ご確認のほど、よろしくお願いいたします。
"""
        + sig_ja("みなと運輸株式会社", "管理部", "田中 一郎", "1122"),
        fmt="iso2022",
    ),
    M(
        "ja-disputes-wrong-amount.eml",
        "disputes",
        "ライセンス数が違う（請求に誤り）、行の途中で改行",
        ("渡辺 陽子", "watanabe@kaede-consulting.example"),
        "6月分請求書の内容について",
        """ご担当者様

いつもお世話になっております。かえでコンサルティングの渡辺です。

6月分の請求書（請求書番号：INV-2024-00712）を確認したところ、
弊社の契約ライセンス数は30のところ、50ライセンス分で請求されておりました。
請求に誤りがあるかと存じますので、ご確認のうえ訂正した請求書の
再発行をお願いいたします。

よろしくお願いいたします。
""",
    ),
    M(
        "ja-disputes-unknown-charge.eml",
        "disputes",
        "身に覚えのない請求",
        ("斎藤 修", "saito@sora-kikaku.example"),
        "身に覚えのない請求について",
        """ご担当者様

そら企画の斎藤です。

今月の請求書に「Power Apps per user」という項目がございますが、
弊社では契約した覚えがなく、身に覚えのない請求となっております。
至急ご確認いただき、取り消しをお願いいたします。

斎藤
""",
        fmt="iso2022",
    ),
    M(
        "ja-disputes-cancelled-html.eml",
        "disputes",
        "HTML-only: 解約済みなのに請求",
        ("山口 恵子", "yamaguchi@ume-hotel.example"),
        "解約済みサブスクリプションのご請求について",
        """<div>ご担当者様</div><br>
<div>お世話になっております。梅ホテルの山口でございます。</div><br>
<div>3月末をもって解約いたしました Dynamics 365 について、4月分の請求が届いております。</div>
<div>解約したにもかかわらず請求されておりますので、4月分（88,000円）の返金をお願いいたします。</div>
<br><div>解約の確認メールも保管しております。</div>
<div>よろしくお願いいたします。</div>""",
        fmt="html",
    ),
    M(
        "ja-disputes-formal-objection.eml",
        "disputes",
        "正式な異議申し立て",
        ("森 和夫", "mori@kawa-seiyaku.example"),
        "請求内容に対する異議申し立て",
        """クラウドパートナー株式会社
ご担当者様

かわ製薬の森でございます。

2024年5月分の請求書（INV-2024-00601、金額 1,320,000円）につきまして、
契約内容と相違する項目が含まれているため、正式に異議を申し立てます。
詳細は添付の資料をご確認ください。

何卒よろしくお願い申し上げます。
"""
        + sig_ja("かわ製薬株式会社", "財務部", "森 和夫", "5656"),
        fmt="utf8-qp",
        attach=(("異議申立書.pdf", "application/pdf"),),
    ),
    M(
        "ja-disputes-discount.eml",
        "disputes",
        "合意した単価でなく定価で請求",
        ("池田 智子", "ikeda@nami-kyoiku.example"),
        "契約単価と異なるご請求について",
        """ご担当者様

お世話になっております。なみ教育の池田でございます。

今月のご請求について、ご契約時にお約束いただいた単価（1ユーザー月額1,000円）では
なく、定価で請求されております。合意した内容と異なりますので、
差額分の訂正をお願いいたします。

よろしくお願いいたします。
""",
        fmt="iso2022",
    ),
    M(
        "ja-disputes-quote-trap-overdue.eml",
        "disputes",
        "引用部分は支払期限超過の督促、本文は請求内容への異議",
        ("橋本 健", "hashimoto@ishi-kogei.example"),
        "Re: お支払い期限超過のお知らせ",
        """ご担当者様

石工芸の橋本です。

ご連絡いただいた請求書ですが、既に解約済みの2ライセンス分が含まれており、
金額に誤りがあります。この請求には同意できませんので、訂正をお願いします。

橋本

2024年6月3日(月) 9:00 請求サポート <billing@cloudpartner.example>:
> 橋本様
> 請求書 INV-2024-00888 のお支払い期限を過ぎております。
> 未払いの状態が続きますと、サービスの利用停止となる場合がございます。
""",
    ),
    M(
        "ja-disputes-double-debit.eml",
        "disputes",
        "口座から二重に引き落とし",
        ("石川 さくら", "ishikawa@hoshi-yoga.example"),
        "引き落としが2回ありました",
        """お世話になっております。ほしヨガの石川です。

今月、銀行口座から同じ金額（33,000円）が二重に引き落とされています。
通帳で確認しましたので、1回分を返金していただけますか。

石川
""",
    ),
    M(
        "ja-disputes-unused.eml",
        "disputes",
        "利用していない分が請求されている",
        ("前田 浩二", "maeda@tani-farm.example"),
        "Azure利用料の請求額について",
        """ご担当者様

たにファームの前田です。

5月分のAzure利用料が通常の5倍（￥250,000）となっておりますが、
該当の仮想マシンは4月末に削除済みで、実際には利用していない分が
請求されております。請求額の見直しをお願いいたします。

前田
""",
        fmt="utf8-b64",
    ),
    M(
        "ja-disputes-chargeback-sjis.eml",
        "disputes",
        "Shift_JIS: カード会社にチャージバックを申請",
        ("藤田 剛", "fujita@hayabusa-kotsu.example"),
        "返金がない場合の対応について",
        """ご担当者様

はやぶさ交通の藤田です。

先月ご連絡した誤請求の件、いまだに返金されておりません。
今週中にご対応いただけない場合、カード会社にチャージバックを申請いたします。

藤田
""",
        fmt="sjis",
    ),
    M(
        "ja-disputes-refund-demand.eml",
        "disputes",
        "誤った請求分の返金を求める",
        ("後藤 美穂", "goto@akane-gakki.example"),
        "誤請求分の返金のお願い",
        """ご担当者様

あかね楽器の後藤でございます。

4月分の請求書において、既に削除したユーザー10名分が請求されておりました。
誤った請求分（55,000円）の返金を求めます。

ご対応のほど、よろしくお願いいたします。
"""
        + sig_ja("株式会社あかね楽器", "管理部", "後藤 美穂", "2323"),
        fmt="iso2022",
    ),
    # ------------------------------------------------------------------ collections (en)
    M(
        "en-collections-final-notice.eml",
        "collections",
        "received the final notice, payment scheduled",
        ("Rachel Green", "rachel.green@contoso-pharma.example"),
        "Final notice - INV-2024-00321",
        """Hello,

We received your final notice for invoice INV-2024-00321. Apologies for the delay -
payment of ¥330,000 has been scheduled for 28 June. Please don't disable our
subscriptions in the meantime.

Rachel Green
Contoso Pharmaceuticals
""",
    ),
    M(
        "en-collections-suspended-paid.eml",
        "collections",
        "suspended for non-payment, paid this morning, remittance attached",
        ("Daniel Wu", "daniel.wu@lamna.example"),
        "URGENT - subscription suspended, payment made",
        """Hi,

Our subscription has been suspended for non-payment. We made the payment this morning
(remittance advice attached). Please restore access as soon as possible - 200 users
cannot work.

Daniel Wu
Lamna Healthcare
""",
        attach=(("remittance-advice.pdf", "application/pdf"),),
    ),
    M(
        "en-collections-payment-plan.eml",
        "collections",
        "asks to pay an outstanding balance in instalments",
        ("Sofia Rossi", "sofia.rossi@vanarsdel.example"),
        "Request to pay in instalments",
        """Hello,

Cash flow has been tight this quarter. Would it be possible to split our outstanding
balance of $12,400 into three monthly instalments? We can pay the first one next week.

Sofia Rossi
VanArsdel Ltd.
""",
    ),
    M(
        "en-collections-late-apology.eml",
        "collections",
        "apologises for paying late",
        ("James O'Neill", "james.oneill@alpineski.example"),
        "Apologies - late payment of INV-2024-00377",
        """Hi,

Apologies for the delay in paying invoice INV-2024-00377 - our AP team was short-staffed
during the move to the new ERP. The payment will go out on Friday.

Best,
James O'Neill
""",
        fmt="utf8-qp",
    ),
    M(
        "en-collections-typos.eml",
        "collections",
        "typos: 'overdeu', 'suspention'",
        ("Mike Turner", "mike@turner-plumbing.example"),
        "overdeu reminder",
        """hi,

we got an overdeu reminder yesterday but our finance approvel is still pending. can you
hold off on the suspention for one more week? we will pay for sure.

mike
""",
    ),
    M(
        "en-collections-past-due.eml",
        "collections",
        "why is the account past due",
        ("Emily Davis", "emily.davis@blueyonder-air.example"),
        "Account shows past due?",
        """Hello,

Our account in your portal shows a past due balance of ¥98,000. I thought autopay was
set up on our card. Could you check why the payment was not collected?

Emily Davis
""",
    ),
    M(
        "en-collections-wire-delinquent.eml",
        "collections",
        "a delinquent customer reports a transfer",
        ("Ahmed Khan", "ahmed.khan@fabrikam-logistics.example"),
        "Wire transfer sent",
        """Hello,

We transferred the money yesterday by wire, reference 88231. Please confirm once
received.

Ahmed Khan
Fabrikam Logistics
""",
        status="delinquent",
    ),
    M(
        "en-collections-deadline-delinquent.eml",
        "collections",
        "a delinquent customer asks about the payment deadline",
        ("Julia Weber", "julia.weber@proseware-gmbh.example"),
        "Deadline for the remaining amount",
        """Hi,

By when do we need to pay the remaining amount? We paid half last week and the rest is
waiting for approval from our CFO.

Julia
""",
        status="delinquent",
    ),
    M(
        "en-collections-reminders.eml",
        "collections",
        "asks to stop the reminder e-mails about unpaid invoices",
        ("Carlos Mendes", "carlos.mendes@margies-travel.example"),
        "Reminder e-mails",
        """Hello,

We keep getting automated reminders about unpaid invoices from March and April. We are
paying them this week, so could you pause the reminders until the end of the month?

Thanks,
Carlos
""",
        fmt="alt",
    ),
    M(
        "en-collections-extension-html.eml",
        "collections",
        "HTML-only: asks for an extension of the due date",
        ("Fiona Walsh", "fiona.walsh@litware-ie.example"),
        "Extension on INV-2024-00555",
        """<p>Hi,</p>
<p>Could we get a 30-day extension on invoice INV-2024-00555, which falls due on 30 June?
Our budget for the new fiscal year is only released in mid-July.</p>
<p>Many thanks,<br>Fiona Walsh<br>Litware Ireland</p>""",
        fmt="html",
    ),
    M(
        "en-collections-quote-trap-outage.eml",
        "collections",
        "will settle the unpaid invoice; the quoted old thread talks of an outage escalated",
        ("Brian Foster", "brian.foster@woodgrove-retail.example"),
        "March invoice",
        """Hi Ken,

Quick note: we'll settle the unpaid March invoice this week, sorry it slipped through.

Brian

On Fri, 12 Apr 2024 at 17:45, Support <billing@cloudpartner.example> wrote:
> Hi Brian, we have escalated the Exchange Online outage to Microsoft and will keep
> you posted. The vendor has acknowledged the incident.
""",
    ),
    M(
        "en-collections-disabled-unpaid.eml",
        "collections",
        "subscription disabled, asks if it is the unpaid invoice",
        ("Paula Silva", "paula.silva@coho-winery.example"),
        "Subscription disabled - because of unpaid invoice?",
        """Hello,

Since this morning our users cannot sign in and the admin centre says the subscription is
disabled. Is this because of the unpaid April invoice? We can pay today if so.

Paula Silva
Coho Winery
""",
    ),
    M(
        "en-collections-fwd-past-due.eml",
        "collections",
        "forwards a past-due notice with one line",
        ("Nick Evans", "nick.evans@tailspin-toys.example"),
        "Fwd: Your payment is past due",
        """Is this legit? We thought we had paid this one.

Nick

---------- Forwarded message ---------
From: Billing Support <billing@cloudpartner.example>
Date: Mon, 10 Jun 2024 at 08:00
Subject: Your payment is past due

Dear customer, your payment for invoice INV-2024-00999 is past due.
""",
    ),
    M(
        "en-collections-suspension-notice.eml",
        "collections",
        "CFO asks about a suspension notice for non-payment",
        ("Ingrid Larsen", "ingrid.larsen@nordic-foods.example"),
        "Notice of suspension received",
        """Hello,

Our CFO forwarded me your notice that our subscriptions will be suspended on 1 July
for non-payment. We have a payment run on 25 June - will that be in time to avoid the
suspension?

Ingrid Larsen
Nordic Foods
""",
    ),
    M(
        "en-collections-statement.eml",
        "collections",
        "wants a statement of outstanding invoices to clear the backlog",
        ("Tom Harris", "tom.harris@consolidated-messenger.example"),
        "Statement of outstanding invoices",
        """Hi,

Could you send us a statement of all outstanding invoices on our account? We are behind
with payments after our accountant left and want to clear the backlog this month.

Tom Harris
Consolidated Messenger
""",
    ),
    M(
        "en-collections-invoice-copy-suspended.eml",
        "collections",
        "a suspended customer asks for the invoice so they can pay it",
        ("Zoe Campbell", "zoe.campbell@fourth-street.example"),
        "Please resend invoice INV-2024-00610",
        """Hi,

Could you resend invoice INV-2024-00610? I can't find it and want to get it paid today.

Zoe
""",
        status="suspended",
    ),
    # ------------------------------------------------------------------ collections (ja)
    M(
        "ja-collections-dunning-letter.eml",
        "collections",
        "督促状が届いた、25日に振込予定",
        ("岡田 洋子", "okada@asahi-shokai.example"),
        "督促状を拝受いたしました",
        """ご担当者様

いつもお世話になっております。朝日商会の岡田でございます。

本日、督促状を拝受いたしました。
お支払いが遅れておりまして、大変申し訳ございません。
今月25日にお振込みいたしますので、何卒よろしくお願い申し上げます。
"""
        + sig_ja("朝日商会株式会社", "経理部", "岡田 洋子", "1717"),
        fmt="iso2022",
    ),
    M(
        "ja-collections-unsuspend.eml",
        "collections",
        "利用停止の解除依頼、未払い分を入金済み",
        ("長谷川 誠", "hasegawa@kita-denko.example"),
        "利用停止の解除のお願い",
        """ご担当者様

北電工の長谷川です。

未払いとなっておりました4月分・5月分を本日入金いたしました。
利用停止となっているサブスクリプションの解除を至急お願いいたします。

長谷川
""",
        fmt="utf8-b64",
    ),
    M(
        "ja-collections-extension.eml",
        "collections",
        "支払期限延長の相談",
        ("村上 千尋", "murakami@shiro-kensetsu.example"),
        "お支払い期限延長のご相談",
        """ご担当者様

平素より大変お世話になっております。しろ建設の村上でございます。

6月末がお支払い期限となっております請求書につきまして、
弊社の資金繰りの都合により、7月末までお支払いを
お待ちいただくことは可能でしょうか。

誠に勝手なお願いで恐縮ですが、ご検討いただけますと幸いです。
"""
        + sig_ja("しろ建設株式会社", "経理部", "村上 千尋", "8181"),
        fmt="iso2022",
    ),
    M(
        "ja-collections-installments-html.eml",
        "collections",
        "HTML-only: 未払い分を分割で払えるか",
        ("近藤 里美", "kondo@nishi-kagu.example"),
        "未払い分のお支払い方法について",
        """<div>ご担当者様</div>
<div>にし家具の近藤です。</div>
<div>現在未払いとなっております3か月分（合計 ￥396,000）につきまして、</div>
<div>分割でのお支払いは可能でしょうか。</div>
<div>ご検討をお願いいたします。</div>""",
        fmt="html",
    ),
    M(
        "ja-collections-paid-delinquent.eml",
        "collections",
        "振込完了の連絡（滞納顧客）",
        ("石井 徹", "ishii@higashi-sangyo.example"),
        "お振込み完了のご連絡",
        """ご担当者様

お世話になっております。ひがし産業の石井です。

本日、請求書INV-2024-00777の代金を振り込みました。
ご確認のほど、よろしくお願いいたします。

石井
""",
        status="delinquent",
    ),
    M(
        "ja-collections-delay.eml",
        "collections",
        "支払いが1週間遅れる見込み",
        ("坂本 由紀", "sakamoto@minami-tsusho.example"),
        "今月のお支払いについて",
        """ご担当者様

みなみ通商の坂本でございます。

経理システム移行の影響で、今月分のお支払いが
1週間ほど遅れる見込みです。ご迷惑をおかけし申し訳ございません。
来週金曜日までには必ずお支払いいたします。

坂本
""",
    ),
    M(
        "ja-collections-arrears.eml",
        "collections",
        "滞納分の支払い予定の連絡",
        ("遠藤 勝", "endo@oka-seika.example"),
        "滞納分のお支払いについて",
        """ご担当者様

おか製菓の遠藤です。

滞納しておりました2月分・3月分につきまして、
今月末までに全額お支払いいたします。
ご迷惑をおかけして申し訳ございません。

遠藤
"""
        + sig_ja("おか製菓株式会社", "総務部", "遠藤 勝", "3131"),
        fmt="iso2022",
    ),
    M(
        "ja-collections-quote-trap-outage.eml",
        "collections",
        "本文は支払い予定日の連絡、引用部分は過去の障害の件",
        ("西村 拓海", "nishimura@taiyo-kogyo.example"),
        "Re: メール障害の件",
        """ご担当者様

太陽工業の西村です。
別件で恐縮ですが、お支払いが遅れております5月分の請求について、
6月20日にお振込みする予定ですのでご連絡いたします。

西村

差出人: 請求サポート <billing@cloudpartner.example>
送信日時: 2024年4月12日 17:45
件名: メール障害の件

西村様
Exchange Online の障害につきまして、マイクロソフトへエスカレーションいたしました。
""",
    ),
    M(
        "ja-collections-final-notice-sjis.eml",
        "collections",
        "Shift_JIS: 最終通知を受け取った",
        ("松田 健二", "matsuda@kaigan-suisan.example"),
        "最終通知の件",
        """ご担当者様

かいがん水産の松田です。
本日、最終通知を受け取りました。
担当者の退職で支払い手続きが漏れておりました。明日お振込みいたします。

松田
""",
        fmt="sjis",
    ),
    M(
        "ja-collections-service-stopped-delinquent.eml",
        "collections",
        "滞納顧客: サービスが使えなくなった、支払いの件か",
        ("原田 愛", "harada@mori-jimusho.example"),
        "サービスが使えなくなりました",
        """ご担当者様

もり事務所の原田です。
本日朝から、メールやTeamsが使えなくなっております。
お支払いの件が関係しておりますでしょうか。至急ご確認をお願いいたします。

原田
""",
        status="delinquent",
    ),
    M(
        "ja-collections-reminder-received.eml",
        "collections",
        "支払いのご案内（督促メール）を受けての返信",
        ("小川 純", "ogawa@ao-shika.example"),
        "お支払いのご案内について",
        """ご担当者様

あお歯科の小川です。
昨日「お支払いのご案内」というメールをいただきました。
口座の残高不足で引き落としができなかったようです。申し訳ございません。
振込でお支払いしたいので、振込先を教えていただけますか。

小川
""",
        fmt="utf8-qp",
    ),
    # ------------------------------------------------------------------ escalations (en)
    M(
        "en-escalations-portal-error.eml",
        "escalations",
        "the portal shows an error when assigning licences",
        ("Alex Turner", "alex.turner@contoso-eng.example"),
        "URGENT: error assigning licences",
        """Hi,

When we try to assign licences in the Microsoft 365 admin centre, the portal shows an
error: "Something went wrong. Error code: 0x80070005". We tried three browsers and two
admin accounts. Could you raise this with Microsoft?

Alex Turner
IT, Contoso Engineering
""",
    ),
    M(
        "en-escalations-outage.eml",
        "escalations",
        "Exchange Online down, asks to escalate",
        ("Sarah Mitchell", "sarah.mitchell@lamna-legal.example"),
        "Exchange Online down for all users",
        """Hello,

All our mailboxes have been unreachable since 09:10 JST; Outlook says it is disconnected
and OWA returns a 503. Is there a known outage? Please escalate to Microsoft, our whole
office is affected.

Sarah Mitchell
""",
    ),
    M(
        "en-escalations-provisioning.eml",
        "escalations",
        "licences bought but never provisioned",
        ("Dev Sharma", "dev.sharma@relecloud-in.example"),
        "E3 licences not showing after purchase",
        """Hi,

We bought 25 Microsoft 365 E3 licences on Monday through you, but the admin centre still
shows 0 available. It looks like a provisioning problem on the vendor side. Can you
check with Microsoft?

Dev
""",
    ),
    M(
        "en-escalations-open-case.eml",
        "escalations",
        "asks to open a case with Microsoft through partner support",
        ("Monica Reyes", "monica.reyes@adatum-health.example"),
        "Please open a support case with Microsoft",
        """Hello,

We need Microsoft's help to move our tenant to the Japan geo. Please open a case with
Microsoft through your partner support channel on our behalf and let us know the case
number.

Monica Reyes
""",
        fmt="utf8-qp",
    ),
    M(
        "en-escalations-vendor-case.eml",
        "escalations",
        "Microsoft case open a week with no progress",
        ("Paul Walker", "paul.walker@fabrikam-media.example"),
        "No update on Microsoft case 2406110040001234",
        """Hi,

Microsoft support case 2406110040001234, which you opened for us last week about the
SharePoint migration failure, has had no update for seven days. Could you chase the
vendor?

Paul Walker
""",
    ),
    M(
        "en-escalations-http500-html.eml",
        "escalations",
        "HTML-only: the billing portal returns HTTP 500",
        ("Yuki Tanaka", "yuki.tanaka@globex-us.example"),
        "Cannot open the billing page - HTTP 500",
        """<html><body><p>Hello,</p>
<p>Whenever I open the billing page of your customer portal I get
<i>HTTP 500 Internal Server Error</i>, so I cannot download our invoices. Cleared cache,
tried Edge and Chrome.</p>
<p>Yuki</p></body></html>""",
        fmt="html",
    ),
    M(
        "en-escalations-typos.eml",
        "escalations",
        "typos: 'escalte', 'wroking'",
        ("Jake Miller", "jake@miller-bakery.example"),
        "teams not wroking!!",
        """teams is not wroking for our whole company since an hour, nobody can join meetings.
pls escalte to microsoft, we have a customer call at 3

jake
""",
    ),
    M(
        "en-escalations-locked-out.eml",
        "escalations",
        "global admin locked out; needs vendor-side reset",
        ("Helen Brooks", "helen.brooks@lucerne-legal.example"),
        "Global admin locked out of tenant",
        """Hello,

Our only global administrator lost her phone and is locked out by MFA. We cannot reset
it ourselves because there is no second admin. We understand this needs Microsoft's data
protection team - can you start that process?

Helen Brooks
""",
    ),
    M(
        "en-escalations-data-loss.eml",
        "escalations",
        "files missing after migration",
        ("Robert King", "robert.king@treyresearch-labs.example"),
        "SharePoint files missing after migration",
        """Hi,

After Microsoft's migration of our SharePoint site last weekend about 3,000 files are
missing and the recycle bin is empty. This needs to go to Microsoft urgently.

Robert King
""",
        fmt="alt",
    ),
    M(
        "en-escalations-usage-missing.eml",
        "escalations",
        "usage report empty and the API returns an error",
        ("Amy Collins", "amy.collins@wingtip-cloud.example"),
        "No usage data in portal for 3 days",
        """Hello,

The cost and usage report in the partner portal has shown no data for the last three
days, and the usage API returns "InternalError" for our subscription
3f2504e0-4f89-11d3-9a0c-0305e82c3301. We rely on it for chargeback to our departments.

Amy Collins
""",
    ),
    M(
        "en-escalations-quote-trap-billing.eml",
        "escalations",
        "VMs down; the quoted old thread mentions overdue and refund",
        ("Chris Young", "chris.young@southridge-games.example"),
        "VMs unreachable",
        """Hi,

All three of our production VMs in Japan East have been unreachable since 02:00. Azure
status shows nothing. This is critical for us.

Chris

On Wed, 8 May 2024 at 11:30, Billing Support <billing@cloudpartner.example> wrote:
> Hi Chris, thanks for settling the overdue invoice. The refund for the duplicate
> charge will arrive within 5 business days.
""",
    ),
    M(
        "en-escalations-domain-verify.eml",
        "escalations",
        "domain verification keeps failing",
        ("Mei Lin", "mei.lin@contoso-asia.example"),
        "Custom domain verification fails",
        """Hello,

We added the TXT record for contoso-asia.example three days ago (checked with dig), but
domain verification in the admin centre keeps failing with "We couldn't find the record".
We need Microsoft to look at it.

Mei Lin
""",
    ),
    M(
        "en-escalations-reservation-failed.eml",
        "escalations",
        "reservation purchase fails in the portal",
        ("Omar Haddad", "omar.haddad@litware-me.example"),
        "Reserved instance purchase fails",
        """Hi,

Purchasing Azure reserved instances through the portal fails every time with "The
operation could not be completed. Correlation ID 7c9e6679-7425-40de-944b-e07fc1f90ae7".
Can you escalate?

Omar
""",
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "ja-escalations-outage.eml",
        "escalations",
        "【至急】Microsoft 365 障害",
        ("三浦 大樹", "miura@yuki-shoji.example"),
        "【至急】メールが送受信できません",
        """ご担当者様

ゆき商事の三浦です。
本日10時頃から、全社でメールの送受信ができない状態です。
Microsoft 365 側の障害でしょうか。至急ご確認をお願いいたします。

三浦
"""
        + sig_ja("ゆき商事株式会社", "情報システム課", "三浦 大樹", "4242"),
        fmt="iso2022",
    ),
    M(
        "ja-escalations-admin-error.eml",
        "escalations",
        "管理センターでエラーが表示される",
        ("福田 亮", "fukuda@kaze-net.example"),
        "ライセンス割り当て時のエラーについて",
        """ご担当者様

かぜネットの福田です。

Microsoft 365 管理センターでユーザーにライセンスを割り当てようとすると、
「エラーが発生しました。しばらくしてからもう一度お試しください。」と表示され、
割り当てができません。昨日から同じ状況です。

ご確認をお願いいたします。
福田
""",
        fmt="utf8-b64",
    ),
    M(
        "ja-escalations-request.eml",
        "escalations",
        "マイクロソフトへのエスカレーション依頼",
        ("太田 聡", "ota@hikari-bank.example"),
        "マイクロソフトへのエスカレーションのお願い",
        """ご担当者様

ひかり銀行システム部の太田でございます。

先週ご相談したテナント間のデータ移行の件、弊社および貴社での調査では
原因が特定できませんでしたので、マイクロソフト社へのエスカレーションを
お願いできますでしょうか。

何卒よろしくお願い申し上げます。
"""
        + sig_ja("株式会社ひかり銀行", "システム部", "太田 聡", "5151"),
        fmt="iso2022",
    ),
    M(
        "ja-escalations-login-html.eml",
        "escalations",
        "HTML-only: ポータルにサインインできない",
        ("藤井 由香", "fujii@sakura-clinic.example"),
        "Azureポータルにサインインできません",
        """<div>ご担当者様</div>
<div>さくらクリニックの藤井です。</div>
<div>今朝からAzureポータルにサインインしようとすると「AADSTS50076」というエラーになり、
サインインできません。</div>
<div>至急ご確認いただけますでしょうか。</div>
<div>藤井</div>""",
        fmt="html",
    ),
    M(
        "ja-escalations-not-reflected.eml",
        "escalations",
        "購入したライセンスが反映されない",
        ("岡本 拓", "okamoto@nagi-soft.example"),
        "購入したライセンスが反映されません",
        """ご担当者様

なぎソフトの岡本です。

3日前に追加購入した Microsoft 365 E3 の10ライセンスが、
管理センターにまだ反映されておりません。
メーカー側の問題かと思いますので、確認をお願いいたします。

岡本
""",
        fmt="utf8-qp",
    ),
    M(
        "ja-escalations-bug.eml",
        "escalations",
        "Teams 録画が保存されない不具合",
        ("中島 舞", "nakajima@tsubasa-juku.example"),
        "Teams会議の録画が保存されない件",
        """ご担当者様

つばさ塾の中島です。

先週からTeams会議の録画が保存されない不具合が発生しております。
マイクロソフトのサポートに問い合わせていただけますでしょうか。

中島
""",
    ),
    M(
        "ja-escalations-halfwidth-server.eml",
        "escalations",
        "半角カナ: ｻｰﾊﾞｰにつながらない",
        ("ｺﾞﾄｳ ｹﾝ", "goto.ken@ichigo-koumuten.example"),
        "ｻｰﾊﾞｰにつながりません",
        """いちご工務店のｺﾞﾄｳです
昨日の夜からAzureのｻｰﾊﾞｰにﾘﾓｰﾄﾃﾞｽｸﾄｯﾌﾟで接続できません
社員全員が仕事できない状態です。すぐ見てもらえますか

ｺﾞﾄｳ
""",
    ),
    M(
        "ja-escalations-quote-trap-unpaid.eml",
        "escalations",
        "本文はサービス障害、引用部分は過去の未払いリマインダー",
        ("上田 直子", "ueda@kuri-design.example"),
        "Re: 請求書のご案内",
        """ご担当者様

くりデザインの上田です。
請求とは別件ですが、本日午後から SharePoint に全くアクセスできなくなっています。
社内全員が同じ状況です。至急調査をお願いできますでしょうか。

上田

2024年5月1日(水) 10:00 請求サポート <billing@cloudpartner.example>:
> 上田様
> 4月分の請求書が未払いとなっております。
> お支払い期限は5月31日です。
""",
    ),
    M(
        "ja-escalations-tenant-sjis.eml",
        "escalations",
        "Shift_JIS: テナント移行でメーカー対応が必要",
        ("安藤 雅人", "ando@kita-kikai.example"),
        "テナント移行の件",
        """ご担当者様

きた機械の安藤です。
グループ会社とのテナント統合の件、こちらで手順どおりに進めましたが
メールボックスの移行が途中で止まってしまいます。
マイクロソフト本社側での対応が必要とのことでしたので、
問い合わせをお願いできますでしょうか。

安藤
""",
        fmt="sjis",
    ),
    M(
        "ja-escalations-onedrive.eml",
        "escalations",
        "OneDriveのファイルが同期されず消えた",
        ("菅原 亜希", "sugawara@hane-print.example"),
        "OneDriveのファイルが消えました",
        """ご担当者様

はね印刷の菅原です。

昨日からOneDriveの同期が止まり、本日確認したところ
一部のフォルダのファイルが消えておりました。ごみ箱にもありません。
マイクロソフト側で復元できないか確認していただけますでしょうか。

菅原
""",
        fmt="iso2022",
    ),
    M(
        "ja-escalations-billing-portal-error.eml",
        "escalations",
        "請求書のダウンロードでポータルがエラー",
        ("桜井 学", "sakurai@mizu-shoten.example"),
        "請求書がダウンロードできません",
        """ご担当者様

みず書店の桜井です。
貴社ポータルから5月分の請求書をダウンロードしようとすると、
「500 Internal Server Error」と表示されてしまいます。
ブラウザを変えても同じです。ご確認をお願いします。

桜井
""",
    ),
    M(
        "en-escalations-vm-deallocated.eml",
        "escalations",
        "production VM stopped unexpectedly",
        ("Lisa Wong", "lisa.wong@contoso-games.example"),
        "Critical: production VM deallocated by platform",
        """Hello,

Our production SQL VM was deallocated by the platform at 03:12 without any action on
our side, and it fails to start again with an allocation failure. The activity log
shows the operation came from Microsoft. Please escalate as a Sev A.

Lisa Wong
""",
    ),
    M(
        "en-escalations-api-401.eml",
        "escalations",
        "partner API integration returns 401",
        ("Sven Olsen", "sven.olsen@nordic-it.example"),
        "Billing API returns 401 since yesterday",
        """Hi,

Since yesterday our integration with the vendor's billing API returns 401 Unauthorized
for every call, although the app registration and secret are unchanged. Could you check
with Microsoft whether something changed on their side?

Sven
""",
    ),
]


# Written after config/rules.toml was frozen, without looking at its keyword lists, to
# measure how the rules do on wording they were not tuned on.
HOLDOUT_1: list[M] = [
    M(
        "h1-en-billing-tax-breakdown.eml",
        "billing",
        "wants consumption tax shown separately",
        ("Mia Schultz", "mia.schultz@proseware-jp.example"),
        "Tax breakdown on Azure invoice",
        """Hi,

Where can I find the tax breakdown for our Azure invoice? Our accountant wants the
consumption tax shown separately from the usage charges.

Thanks,
Mia
""",
    ),
    M(
        "h1-en-billing-nonprofit.eml",
        "billing",
        "asks about nonprofit pricing",
        ("Father Tim Doyle", "office@stmarys-parish.example"),
        "Nonprofit pricing",
        """Hello,

We're a registered charity. Are we eligible for the nonprofit offers on Microsoft 365,
and if so, would the lower price apply to our current subscription or only from renewal?

God bless,
Tim Doyle
St Mary's Parish Office
""",
        fmt="alt",
    ),
    M(
        "h1-ja-billing-issue-date.eml",
        "billing",
        "請求書の発行日を変更したい",
        ("鈴木 理恵", "suzuki@kasumi-shokuhin.example"),
        "請求書発行日の変更について",
        """ご担当者様

お世話になっております。かすみ食品の鈴木でございます。

請求書の発行日を毎月25日に変更していただくことは可能でしょうか。
社内の締め日に合わせたいと考えております。

ご検討のほど、よろしくお願いいたします。
""",
        fmt="iso2022",
    ),
    M(
        "h1-ja-billing-new-contact.eml",
        "billing",
        "請求関連の連絡先変更",
        ("青木 剛", "aoki@hibari-unso.example"),
        "ご連絡先変更のお知らせ",
        """ご担当者様

ひばり運送の青木です。
人事異動に伴い、今後の請求関連のご連絡は経理部の鈴木（suzuki@hibari-unso.example）宛に
お送りいただけますでしょうか。

よろしくお願いいたします。
""",
    ),
    M(
        "h1-en-billing-early-pay.eml",
        "billing",
        "early-payment discount question",
        ("Noah Fischer", "noah.fischer@blue-sky-air.example"),
        "Paying the annual invoice early",
        """Hi,

If we pay the annual invoice early, is there any early-payment discount? And will the
invoice show the service period it covers? Our auditors asked.

Noah
""",
    ),
    M(
        "h1-ja-billing-refund-account.eml",
        "billing",
        "合意済みの返金の振込先についての質問",
        ("西田 恵", "nishida@koharu-cafe.example"),
        "返金の振込先について",
        """お世話になっております。こはるカフェの西田です。

先日ご案内いただいた返金の件ですが、どちらの口座に振り込まれますでしょうか。
カードへの返金ではなく、銀行口座への振込を希望しております。

よろしくお願いいたします。
""",
        fmt="utf8-b64",
    ),
    M(
        "h1-en-billing-split-invoice.eml",
        "billing",
        "wants one invoice per department",
        ("Ava Thompson", "ava.thompson@litware-labs.example"),
        "Separate invoices per department?",
        """Hello,

Can you split our invoice by department (Sales, Marketing, R&D)? From next month we'd
like three separate invoices, each with its own cost centre code.

Best,
Ava
""",
    ),
    M(
        "h1-en-billing-quote-trap-escalation.eml",
        "billing",
        "asks for bilingual invoices; the quote mentions a portal error escalated",
        ("Ryo Ishida", "ryo.ishida@globex-partners.example"),
        "Re: Portal problem",
        """Thanks, that answers it. One more thing - can we get our invoices in both English
and Japanese? Our head office in Frankfurt needs the English version.

Ryo

On Thu, 6 Jun 2024 at 15:20, Support <billing@cloudpartner.example> wrote:
> Hi Ryo, the portal shows an error for you because of a known issue on Microsoft's
> side. We have escalated it and will update you.
""",
    ),
    M(
        "h1-en-disputes-two-payments.eml",
        "disputes",
        "two payments taken for one invoice",
        ("Ethan Cole", "ethan.cole@harbour-books.example"),
        "Two payments for one invoice",
        """Hi,

I just looked at our bank statement and there are two payments of ¥77,000 to you on the
same day. We only have one invoice for that amount. Please send one of them back.

Ethan
Harbour Books
""",
    ),
    M(
        "h1-en-disputes-downgraded.eml",
        "disputes",
        "charged for a plan they downgraded from",
        ("Lily Evans", "lily.evans@greenleaf.example"),
        "Visio charges after downgrade",
        """Hello,

We were charged for 12 months of Visio Plan 2 even though we downgraded everyone to the
free plan in January. Please correct this and credit our account for February to June.

Lily Evans
Greenleaf Architects
""",
    ),
    M(
        "h1-ja-disputes-retired-staff.eml",
        "disputes",
        "退職者分のライセンスが請求に含まれている",
        ("大野 聡子", "ohno@yuzu-kensetsu.example"),
        "請求額の修正のお願い",
        """ご担当者様

いつもお世話になっております。ゆず建設の大野でございます。

今月の請求書に、3月に退職した社員5名分のライセンス料金が含まれております。
3月末に削除の手続きを済ませておりますので、請求額の修正をお願いいたします。

何卒よろしくお願い申し上げます。
""",
        fmt="iso2022",
    ),
    M(
        "h1-ja-disputes-doubled.eml",
        "disputes",
        "請求額がいつもの倍、間違いではないか",
        ("三宅 隆", "miyake@kurumi-juku.example"),
        "先月の請求額について",
        """お世話になっております。くるみ塾の三宅です。

先月のご請求額が、いつもの倍になっています。
利用状況は変わっていないので、何かの間違いではないでしょうか。
ご確認と訂正をお願いします。

三宅
""",
    ),
    M(
        "h1-en-disputes-not-right.eml",
        "disputes",
        "invoice not right, won't pay until fixed",
        ("Marcus Hill", "marcus.hill@ironbridge.example"),
        "Invoice INV-2024-01190 is not right",
        """Hi,

This invoice is not right. You've charged us in USD at an exchange rate that doesn't
match our contract, and we won't be paying it until it's fixed.

Marcus Hill
Ironbridge Engineering
""",
    ),
    M(
        "h1-en-disputes-object-html.eml",
        "disputes",
        "HTML-only: formally objects to charges for a cancelled plan",
        ("Dr. Anna Weiss", "anna.weiss@weiss-clinic.example"),
        "Objection to invoice INV-2024-01200",
        """<p>Dear billing team,</p>
<p>I am writing to formally object to the charges on invoice INV-2024-01200. These charges
relate to a support plan that we cancelled last year.</p>
<p>Regards,<br>Dr. Anna Weiss</p>""",
        fmt="html",
    ),
    M(
        "h1-ja-disputes-two-invoices.eml",
        "disputes",
        "同じ請求書が2通届き両方引き落とされた",
        ("永井 さやか", "nagai@mirai-hoiku.example"),
        "同じ請求が2回引き落とされています",
        """ご担当者様

みらい保育園の永井です。
同じ内容の請求書が2通届き、両方とも口座から引き落とされておりました。
1通分のご返金をお願いできますでしょうか。

永井
""",
    ),
    M(
        "h1-en-disputes-typos.eml",
        "disputes",
        "typos: 'overcharegd', 'diffrence'",
        ("Gus Ramirez", "gus@ramirez-auto.example"),
        "overcharegd again",
        """hey, we have been overcharegd for the last 3 months, the per-seat price on the invoice
is higher then our contract says. pls fix and refund the diffrence

gus
""",
    ),
    M(
        "h1-en-collections-card-declined.eml",
        "collections",
        "missed a payment because the card was declined",
        ("Olivia Hart", "olivia.hart@hartdesign.example"),
        "Missed payment for May",
        """Hi,

Sorry, we missed the payment for May - our new card was declined. I'll call tomorrow to
pay by phone, please don't cut us off.

Olivia
""",
    ),
    M(
        "h1-en-collections-agency-letter.eml",
        "collections",
        "threatened with a collections agency",
        ("Raj Mehta", "raj.mehta@mehta-imports.example"),
        "Letter about collections agency",
        """Hello,

We received a letter saying our account will be handed to a collections agency. This is
the first we've heard of any problem. What exactly do we owe, and how can we settle it?

Raj Mehta
""",
    ),
    M(
        "h1-ja-collections-not-yet-paid.eml",
        "collections",
        "5月分をまだ支払っていない、本日振込",
        ("川口 亜紀", "kawaguchi@tsubaki-ryokan.example"),
        "5月分のお支払いについて",
        """ご担当者様

お世話になっております。つばき旅館の川口でございます。

5月分のお支払いをまだ済ませておらず、大変失礼いたしました。
本日中にお振込みいたします。

今後ともよろしくお願いいたします。
""",
        fmt="iso2022",
    ),
    M(
        "h1-ja-collections-half.eml",
        "collections",
        "支払いが滞っている、半額のみ支払いたい",
        ("平野 修", "hirano@matsu-seisakusho.example"),
        "お支払いについてのご相談",
        """ご担当者様

まつ製作所の平野です。
お支払いが滞っており、誠に申し訳ございません。
資金繰りが厳しく、今月は半額のみのお支払いとさせていただけないでしょうか。

平野
""",
    ),
    M(
        "h1-en-collections-balance-delinquent.eml",
        "collections",
        "a delinquent customer asks for the current balance",
        ("Sophie Turner", "sophie.turner@turner-events.example"),
        "Current balance",
        """Hello,

Can you tell me our current balance? Our finance team wants to settle everything this
week.

Sophie
""",
        status="delinquent",
    ),
    M(
        "h1-ja-collections-rest-delinquent.eml",
        "collections",
        "滞納顧客: 残りは来週支払う",
        ("杉山 浩", "sugiyama@sugi-denki.example"),
        "残額のお支払いについて",
        """お世話になっております。すぎ電機の杉山です。
ご請求金額の残りについて、来週中にお支払いいたします。
よろしくお願いします。
""",
        status="delinquent",
    ),
    M(
        "h1-en-collections-debit-bounced.eml",
        "collections",
        "direct debit bounced, wants to pay the amount owing by transfer",
        ("Karen White", "karen.white@white-dental.example"),
        "Direct debit bounced",
        """Hi,

Our direct debit bounced because the old account was closed. Please send us your bank
details so we can pay the amount owing by transfer.

Karen White
White Dental
""",
    ),
    M(
        "h1-en-collections-already-paid.eml",
        "collections",
        "got a not-paid reminder, says it was paid",
        ("Leo Martins", "leo.martins@martins-fitness.example"),
        "Re: invoice INV-2024-00640",
        """Hi,

Got a reminder that invoice INV-2024-00640 hasn't been paid yet. It was paid on the 3rd,
reference TRX-55120 - please check and update your records.

Leo
""",
    ),
    M(
        "h1-en-escalations-outlook-loop.eml",
        "escalations",
        "nobody can open Outlook after maintenance",
        ("Dan Brooks", "dan.brooks@brooks-law.example"),
        "Outlook asking for password in a loop",
        """Hi,

Since the maintenance last night none of our users can open Outlook - it just says
"Need password" and loops forever. Can you get Microsoft on it?

Dan
""",
    ),
    M(
        "h1-en-escalations-portal-timeout.eml",
        "escalations",
        "portal times out creating resources",
        ("Ivy Chen", "ivy.chen@chen-analytics.example"),
        "Azure portal timing out",
        """Hello,

The Azure portal keeps timing out when we try to create a new resource group in Japan
West. Is there a problem on Microsoft's end?

Ivy
""",
    ),
    M(
        "h1-ja-escalations-teams-external.eml",
        "escalations",
        "Teamsで外部と通話できない",
        ("堀 健太", "hori@hori-sekkei.example"),
        "Teamsで外部の方と通話ができません",
        """ご担当者様

ほり設計の堀です。
昨日からTeamsで社外の方と通話ができなくなりました。設定は変更しておりません。
マイクロソフトに確認していただけますか。

堀
""",
    ),
    M(
        "h1-ja-escalations-vm-reboot.eml",
        "escalations",
        "VMが再起動を繰り返す",
        ("野口 真", "noguchi@noguchi-shoten.example"),
        "仮想マシンが再起動を繰り返しています",
        """ご担当者様

のぐち商店の野口です。
Azureの仮想マシンが勝手に再起動を繰り返しています。
こちらでは原因がわかりませんので、調べていただけますでしょうか。

野口
""",
        fmt="utf8-qp",
    ),
    M(
        "h1-en-escalations-sev-b.eml",
        "escalations",
        "asks to raise a Sev B ticket with Microsoft",
        ("Grant Lewis", "grant.lewis@lewis-capital.example"),
        "Exchange delivery delays - please raise Sev B",
        """Hi,

We have intermittent Exchange Online delivery delays of up to 40 minutes since Monday.
Please raise a Sev B ticket with Microsoft under our support contract.

Grant Lewis
""",
    ),
    M(
        "h1-ja-escalations-problem-occurred.eml",
        "escalations",
        "管理画面で「問題が発生しました」",
        ("今井 結衣", "imai@imai-jimusho.example"),
        "ユーザーが追加できません",
        """ご担当者様

いまい事務所の今井です。
管理画面でユーザーを追加しようとすると「問題が発生しました」と表示され、
追加できません。

今井
""",
    ),
    M(
        "h1-en-escalations-powerbi.eml",
        "escalations",
        "Power BI refresh stopped with gateway errors",
        ("Ruby Shah", "ruby.shah@shah-retail.example"),
        "Power BI refresh broken",
        """Hi,

Our Power BI reports stopped refreshing yesterday with gateway errors. Nothing changed on
our side. Could you look into it with Microsoft?

Ruby
""",
        fmt="alt",
    ),
    M(
        "h1-ja-escalations-quote-trap-refund.eml",
        "escalations",
        "本文はメール遅延、引用部分は二重請求と返金",
        ("宮本 武", "miyamoto@musashi-kogyo.example"),
        "Re: ご請求の件",
        """ご担当者様

むさし工業の宮本です。
本日朝から、Exchange Onlineで社外からのメールが2時間ほど遅れて届いています。
原因を調べていただけますか。

宮本

2024年6月5日(水) 11:00 請求サポート <billing@cloudpartner.example>:
> 宮本様
> 二重請求となっていた件、返金の手続きが完了いたしました。
""",
    ),
]

MESSAGES += [replace(m, batch="holdout-1") for m in HOLDOUT_1]


# Written after the second tuning round, again without consulting the rules; more billing
# mail that uses other queues' words, to check that broader rules did not cost precision.
HOLDOUT_2: list[M] = [
    M(
        "h2-en-billing-charged-question.eml",
        "billing",
        "asks whether a charge is monthly or annual; not contesting it",
        ("Tara Quinn", "tara.quinn@quinn-media.example"),
        "Defender for Business charge",
        """Hi,

We were charged ¥12,100 for Defender for Business this month. Is that the monthly price
per user, or an annual fee? Just checking before I approve the invoice.

Tara
""",
    ),
    M(
        "h2-en-billing-reminder-request.eml",
        "billing",
        "wants a courtesy reminder before invoices are due",
        ("Omar Farouk", "omar.farouk@farouk-trading.example"),
        "Reminder before invoices are due?",
        """Hello,

Could you send a reminder to our AP mailbox a few days before each invoice is due? They
sometimes miss the invoice e-mails among everything else.

Omar
""",
    ),
    M(
        "h2-ja-billing-download.eml",
        "billing",
        "ポータルからの請求書ダウンロード方法",
        ("北村 早苗", "kitamura@hinode-kankou.example"),
        "請求書のダウンロード方法",
        """ご担当者様

ひので観光の北村です。
請求書のPDFをポータルからダウンロードする方法を教えてください。
どこにあるのかわかりません。

北村
""",
    ),
    M(
        "h2-en-billing-einvoice.eml",
        "billing",
        "asks for XML e-invoices",
        ("Pieter de Vries", "pieter.devries@dutch-flowers.example"),
        "E-invoicing (UBL)?",
        """Hello,

Our finance system only accepts invoices in XML (UBL 2.1) format from next quarter. Is
e-invoicing available from your side?

Kind regards,
Pieter de Vries
""",
    ),
    M(
        "h2-ja-billing-per-department.eml",
        "billing",
        "部署ごとに請求書を分けたい",
        ("中川 陽介", "nakagawa@minato-bussan.example"),
        "部署別の請求書について",
        """ご担当者様

いつもお世話になっております。みなと物産の中川でございます。

来年度より、部署ごとに請求書を分けて発行していただきたいのですが、
対応は可能でしょうか。

よろしくお願いいたします。
""",
        fmt="iso2022",
    ),
    M(
        "h2-en-billing-prepay.eml",
        "billing",
        "wants to prepay 12 months",
        ("Liam Byrne", "liam.byrne@byrne-solicitors.example"),
        "Prepaying 12 months",
        """Hi,

We'd like to prepay 12 months of our Microsoft 365 subscription to use this year's
budget. Can you issue an invoice for that?

Liam
""",
    ),
    M(
        "h2-ja-billing-split-payment.eml",
        "billing",
        "決済が2回に分かれている理由を確認（金額は合っている）",
        ("岩田 紀子", "iwata@iwata-shika.example"),
        "カード決済について",
        """お世話になっております。いわた歯科の岩田です。

今月、クレジットカードの決済が2回に分かれているのはなぜでしょうか。
金額は合っていると思いますが、念のため確認させてください。

岩田
""",
    ),
    M(
        "h2-en-billing-refund-thanks.eml",
        "billing",
        "thanks for a refund already made, asks for a statement",
        ("Erin Walsh", "erin.walsh@walsh-bakery.example"),
        "Refund received - thanks",
        """Hi,

Just confirming we received the refund for the duplicate charge last month - thanks for
sorting it out! Could you also send us an updated statement for our records?

Erin
""",
    ),
    M(
        "h2-en-disputes-terminated.eml",
        "disputes",
        "contract terminated, April invoice still lists all seats",
        ("Hugo Laurent", "hugo.laurent@laurent-conseil.example"),
        "April invoice after termination",
        """Hello,

We terminated our contract effective 31 March and gave the required notice. Yet the April
invoice still lists all 45 seats. We expect this invoice to be cancelled.

Hugo Laurent
""",
    ),
    M(
        "h2-ja-disputes-not-ordered.eml",
        "disputes",
        "注文していないサポートプランが請求に含まれていた",
        ("藤原 紗希", "fujiwara@fujiwara-gakki.example"),
        "4月分請求書について",
        """ご担当者様

ふじわら楽器の藤原です。
4月分の請求書に、注文していないAzureサポートプランが含まれていました。
取り消していただけますでしょうか。

藤原
""",
        fmt="utf8-b64",
    ),
    M(
        "h2-en-disputes-never-used.eml",
        "disputes",
        "charged for storage never used",
        ("Bella Rossi", "bella.rossi@rossi-wines.example"),
        "Storage charge",
        """Hi,

Your invoice charges us for 100 GB of extra storage that we have never used. Please
remove it from the invoice.

Bella
""",
    ),
    M(
        "h2-ja-disputes-vs-quote.eml",
        "disputes",
        "見積もりと請求が大きく異なる、説明と修正を求める",
        ("高木 亮介", "takagi@takagi-kogyo.example"),
        "ご請求金額について",
        """ご担当者様

高木工業の高木です。
請求金額が見積もりと大きく異なります。見積もりでは月額5万円とのことでしたが、
請求は8万円でした。ご説明と修正をお願いします。

高木
""",
    ),
    M(
        "h2-en-disputes-unrecognised.eml",
        "disputes",
        "an unrecognised card payment",
        ("Jack Turner", "jack.turner@turner-joinery.example"),
        "Payment we don't recognise",
        """Hello,

Our card statement shows a payment to "CLOUDPARTNER*MSFT" for $420 that none of us
recognise. Can you tell us what it is, and refund it if it isn't ours?

Jack
""",
    ),
    M(
        "h2-ja-disputes-typo.eml",
        "disputes",
        "誤変換・全角数字混じり: 2重請求",
        ("ﾀﾑﾗ", "tamura@tamura-ya.example"),
        "先月の請求",
        """先月分のせいきゅうが２重になっていまｓ。
確認お願いします
たむら屋 田村
""",
    ),
    M(
        "h2-en-collections-administration.eml",
        "collections",
        "company in administration; outstanding amounts",
        ("Simon Price", "simon.price@price-retail.example"),
        "Company in administration",
        """Hello,

Price Retail Ltd has entered administration. The administrator will contact you about
the outstanding amounts. Please hold any action on our account until then.

Simon Price
""",
    ),
    M(
        "h2-ja-collections-next-month.eml",
        "collections",
        "入金待ちのため支払いが来月にずれる",
        ("横山 千夏", "yokoyama@yokoyama-design.example"),
        "今月のお支払いについて",
        """ご担当者様

よこやまデザインの横山です。
今月のお支払いですが、月末の入金待ちのため、
来月5日のお支払いとなってしまいます。申し訳ありません。

横山
""",
    ),
    M(
        "h2-en-collections-blocked.eml",
        "collections",
        "access will be blocked unless they pay",
        ("Aisha Bello", "aisha.bello@bello-logistics.example"),
        "Access blocked on Friday?",
        """Hi,

We got a notice that our access will be blocked on Friday unless we pay. Payment is being
processed today - please make sure nothing gets blocked.

Aisha
""",
    ),
    M(
        "h2-ja-collections-partial-delinquent.eml",
        "collections",
        "滞納顧客: 一部を振り込み、残りは来月",
        ("森田 康之", "morita@morita-seika.example"),
        "本日のお振込みについて",
        """ご担当者様

もりた製菓の森田です。
先日お電話でお話しした件、本日10万円を振り込みました。
残りは来月お支払いします。

森田
""",
        status="delinquent",
    ),
    M(
        "h2-en-collections-iban.eml",
        "collections",
        "transfer rejected, invoices still open",
        ("Lena Novak", "lena.novak@novak-print.example"),
        "Bank details again please",
        """Hi,

Could you resend your bank details? Our transfer for the March and April invoices got
rejected because of a wrong IBAN, so both invoices are still open.

Lena
""",
    ),
    M(
        "h2-ja-collections-promise-missed.eml",
        "collections",
        "約束の支払日を過ぎた",
        ("今村 誠一", "imamura@imamura-kensetsu.example"),
        "お支払いの件",
        """ご担当者様

今村建設の今村でございます。
お支払いのお約束の日を過ぎてしまい、誠に申し訳ございません。
明日には必ずお振込みいたします。

今村
""",
        fmt="iso2022",
    ),
    M(
        "h2-en-escalations-search.eml",
        "escalations",
        "SharePoint search returns nothing",
        ("Nina Park", "nina.park@park-architects.example"),
        "SharePoint search returns nothing",
        """Hi,

SharePoint search has returned nothing for any user since Tuesday. Re-indexing the site
didn't help. We need Microsoft to investigate.

Nina
""",
    ),
    M(
        "h2-ja-escalations-calendar.eml",
        "escalations",
        "予定表の共有ができない、全社員",
        ("松井 大地", "matsui@matsui-unyu.example"),
        "予定表の共有ができません",
        """ご担当者様

まつい運輸の松井です。
Outlookで予定表の共有ができなくなっています。全社員で同じ現象です。
ご確認をお願いいたします。

松井
""",
    ),
    M(
        "h2-en-escalations-sync.eml",
        "escalations",
        "directory sync stopped",
        ("Felix Wagner", "felix.wagner@wagner-auto.example"),
        "New employees not appearing",
        """Hello,

Our Azure AD Connect sync stopped on Sunday and new employees aren't appearing in
Microsoft 365. The sync service shows as running.

Felix
""",
    ),
    M(
        "h2-ja-escalations-backup.eml",
        "escalations",
        "バックアップジョブが毎晩失敗",
        ("菊地 悠", "kikuchi@kikuchi-iin.example"),
        "Azureバックアップの失敗について",
        """ご担当者様

きくち医院の菊地です。
Azureのバックアップジョブが毎晩失敗しています。エラーコードは 200015 です。
ご確認いただけますでしょうか。

菊地
""",
        fmt="utf8-qp",
    ),
    M(
        "h2-en-escalations-word.eml",
        "escalations",
        "users show licensed but cannot open Word",
        ("Oscar Lind", "oscar.lind@lind-shipping.example"),
        "Licensed users can't open Word",
        """Hi,

I think there's a bug in the licence assignment: users show as licensed in the admin
centre but Word says "unlicensed product" when they open it.

Oscar
""",
    ),
    M(
        "h2-ja-escalations-teams-audio-html.eml",
        "escalations",
        "HTML-only: Teams会議の音声が途切れる、メーカー確認依頼",
        ("村井 彩", "murai@murai-juku.example"),
        "Teams会議の音声について",
        """<div>ご担当者様</div>
<div>むらい塾の村井です。</div>
<div>Teams会議の音声が途切れる現象が続いております。ネットワークには問題がありません。</div>
<div>メーカーに確認をお願いできますか。</div>""",
        fmt="html",
    ),
]

MESSAGES += [replace(m, batch="holdout-2") for m in HOLDOUT_2]


# Written by another author after an early tuning round. Untouched it scored 11/20 (55%:
# escalations 0/5, disputes 2/5); its misses were then generalised into phrase families,
# so it is now a TUNED batch. Unseen-mail estimates come from holdout-6, -7 and -9.
HOLDOUT_3: list[M] = [
    M(
        "h3-en-billing-price-change.eml",
        "billing",
        "asks whether a price change was announced",
        ("Megan Ross", "megan.ross@ross-vet.example"),
        "New price since April?",
        """Hi,

It looks like we have been charged the new price since April. Was a price change
announced? I must have missed it - could you point me to the notice?

Megan
""",
    ),
    M(
        "h3-ja-billing-add-users.eml",
        "billing",
        "ユーザー追加時の請求タイミング",
        ("原 優子", "hara@hara-shoten.example"),
        "ユーザー追加時のご請求について",
        """ご担当者様

はら商店の原です。
来月からユーザーが10名増える予定です。
ライセンスを追加した場合、請求はどのタイミングになりますでしょうか。

原
""",
        fmt="iso2022",
    ),
    M(
        "h3-en-billing-company-name.eml",
        "billing",
        "Japanese company name on the invoice",
        ("Adam North", "adam.north@north-kk.example"),
        "Company name on invoices",
        """Hello,

Could you add our Japanese company name (株式会社ノース) to the invoice header, next to
the English one? Our tax office prefers it.

Adam North
""",
    ),
    M(
        "h3-ja-billing-statement-name.eml",
        "billing",
        "カード明細に表示される名称",
        ("岡 真理", "oka@oka-clinic.example"),
        "カード明細の表示名について",
        """ご担当者様

おかクリニックの岡です。
クレジットカードの利用明細に表示される名称を教えていただけますか。
経理で照合する際に必要となります。

岡
""",
        fmt="utf8-b64",
    ),
    M(
        "h3-en-billing-nothing-outstanding.eml",
        "billing",
        "year-end balance confirmation from a customer in good standing",
        ("Paul Grey", "paul.grey@grey-partners.example"),
        "Balance confirmation as of 30 June",
        """Hi,

Our finance team is closing the books. Could you confirm that there is nothing
outstanding on our account as of 30 June?

Paul Grey
""",
        status="active",
    ),
    M(
        "h3-en-disputes-extra-seats.eml",
        "disputes",
        "given more seats than ordered, refuses to pay for extras",
        ("Kate Bell", "kate.bell@bell-consulting.example"),
        "Extra seats we did not ask for",
        """Hello,

We asked for 20 seats and were given 25 without anyone on our side approving it. We are
not paying for the extra five.

Kate Bell
""",
    ),
    M(
        "h3-ja-disputes-still-billed.eml",
        "disputes",
        "解約したはずのプランが今月も請求されている",
        ("堤 真一", "tsutsumi@tsutsumi-sangyo.example"),
        "解約済みプランのご請求について",
        """ご担当者様

つつみ産業の堤です。
先月解約したはずの Exchange Online Plan 1 が、今月も請求されています。
解約手続きの控えもございますので、ご確認をお願いいたします。

堤
""",
    ),
    M(
        "h3-en-disputes-five-times.eml",
        "disputes",
        "usage charges five times normal, can't be right",
        ("Tom Becker", "tom.becker@becker-labs.example"),
        "Usage charges five times higher",
        """Hi,

The usage charges on our last invoice are five times higher than normal. We haven't
changed anything on our side - this can't be right. Please look into it and correct the
invoice.

Tom
""",
    ),
    M(
        "h3-ja-disputes-unit-price.eml",
        "disputes",
        "請求書の単価が契約書と合っていない",
        ("小松 直美", "komatsu@komatsu-kikaku.example"),
        "請求単価について",
        """ご担当者様

こまつ企画の小松です。
請求書の単価が契約書と合っておりません。
契約書の写しを添付いたしますので、ご確認をお願いいたします。

小松
""",
        attach=(("contract.pdf", "application/pdf"),),
    ),
    M(
        "h3-en-disputes-rejection-html.eml",
        "disputes",
        "HTML-only: formal rejection of an invoice",
        ("Helena Kovac", "helena.kovac@kovac-law.example"),
        "Rejection of invoice INV-2024-01333",
        """<p>Dear Sirs,</p>
<p>Please treat this e-mail as our formal rejection of invoice INV-2024-01333. The
services listed were never provided to our firm.</p>
<p>Helena Kovac, Kovac Legal</p>""",
        fmt="html",
    ),
    M(
        "h3-en-collections-slow.eml",
        "collections",
        "slow paying two invoices, asks to agree a date",
        ("Dean Cooper", "dean.cooper@cooper-hauling.example"),
        "Last two invoices",
        """Hi,

Apologies, we've been slow paying the last two invoices. Can we agree a date? Our new
owner is reviewing all supplier payments this month.

Dean
""",
    ),
    M(
        "h3-ja-collections-wait.eml",
        "collections",
        "経営状況が厳しく支払いを待ってほしい",
        ("土屋 亮", "tsuchiya@tsuchiya-koubou.example"),
        "お支払いのご相談",
        """ご担当者様

つちや工房の土屋です。
経営状況が厳しく、お支払いを少し待っていただくことは可能でしょうか。
ご相談させてください。

土屋
""",
    ),
    M(
        "h3-en-collections-reconcile.eml",
        "collections",
        "told they owe money, partly paid, wants statement to pay the rest",
        ("Ruth Adler", "ruth.adler@adler-foods.example"),
        "What we owe",
        """Hello,

Your system says we owe ¥540,000, but our records show we paid two of those invoices.
Can you send a statement so we can reconcile and pay the rest?

Ruth
""",
    ),
    M(
        "h3-ja-collections-resend-delinquent.eml",
        "collections",
        "滞納顧客: 請求書を再送してほしい、すぐ払う",
        ("内田 剛", "uchida@uchida-denki.example"),
        "請求書の再送のお願い",
        """ご担当者様

うちだ電気の内田です。
請求書を再送していただけますでしょうか。すぐに支払い手続きをいたします。

内田
""",
        status="delinquent",
    ),
    M(
        "h3-en-collections-when-customer-pays.eml",
        "collections",
        "will pay on the 15th once their own customer pays",
        ("Gina Lopez", "gina.lopez@lopez-events.example"),
        "INV-2024-01050",
        """Hi,

Payment for invoice INV-2024-01050 will be made on the 15th, once our own customer pays
us. Sorry for the wait.

Gina
""",
    ),
    M(
        "h3-en-escalations-spam.eml",
        "escalations",
        "outbound mail lands in spam; asks Microsoft to check the IP",
        ("Victor Hale", "victor.hale@hale-marine.example"),
        "Our mail goes to spam",
        """Hi,

Since yesterday mail from our domain is landing in recipients' spam folders; SPF and
DKIM pass. Could Microsoft check whether the sending IP for our tenant is blacklisted?

Victor
""",
    ),
    M(
        "h3-ja-escalations-avd-black.eml",
        "escalations",
        "AVDに接続すると画面が真っ黒",
        ("柴田 亜美", "shibata@shibata-sekkei.example"),
        "Azure Virtual Desktopの画面が真っ黒になります",
        """ご担当者様

しばた設計の柴田です。
Azure Virtual Desktop に接続すると、画面が真っ黒のままになります。
昨日までは問題なく使えておりました。

柴田
""",
    ),
    M(
        "h3-en-escalations-intune.eml",
        "escalations",
        "Intune policies not applying; needs vendor engineers",
        ("Ollie Stone", "ollie.stone@stone-college.example"),
        "Intune policies not applying",
        """Hello,

Our Intune compliance policies are not applying to the new laptops. We followed
Microsoft's documentation to the letter; I think we need their engineers on this.

Ollie Stone
""",
    ),
    M(
        "h3-ja-escalations-service-health.eml",
        "escalations",
        "サービス正常性の勧告の影響確認",
        ("宮崎 翼", "miyazaki@miyazaki-unyu.example"),
        "サービス正常性の勧告について",
        """ご担当者様

みやざき運輸の宮崎です。
Microsoft 365 管理センターのサービス正常性に勧告が出ておりますが、
弊社への影響があるかどうか、確認していただけますでしょうか。

宮崎
""",
        fmt="iso2022",
    ),
    M(
        "h3-en-escalations-blank-page.eml",
        "escalations",
        "Partner Center acceptance link shows a blank page",
        ("Ian Ford", "ian.ford@ford-pharma.example"),
        "Blank page when accepting the customer agreement",
        """Hi,

The Partner Center link you sent for accepting the Microsoft Customer Agreement just
shows a blank page, in every browser we tried.

Ian
""",
    ),
]

MESSAGES += [replace(m, batch="holdout-3") for m in HOLDOUT_3]


# --------------------------------------------------------------------------- writing


def _addr(name: str, email: str, charset: str) -> str:
    return formataddr((name, email), charset=charset) if name else email


def _header(value: str, charset: str) -> str:
    return value if value.isascii() else Header(value, charset).encode()


def _html(text: str) -> str:
    """A plausible HTML alternative: paragraphs, quoted lines in a blockquote."""
    out: list[str] = []
    quote: list[str] = []
    for line in text.splitlines():
        if line.startswith(">"):
            quote.append(html.escape(line.lstrip("> ")))
            continue
        if quote:
            out.append("<blockquote>" + "<br>".join(quote) + "</blockquote>")
            quote = []
        out.append(f"<div>{html.escape(line) or '<br>'}</div>")
    if quote:
        out.append("<blockquote>" + "<br>".join(quote) + "</blockquote>")
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>\n"


def _leaf(body: str, subtype: str, fmt: str) -> bytes:
    """Content-Type/Transfer-Encoding headers and body of one text part."""
    if fmt == "iso2022":
        data = body.encode("iso-2022-jp")
        return (
            f"Content-Type: text/{subtype}; charset=ISO-2022-JP\n"
            "Content-Transfer-Encoding: 7bit\n\n"
        ).encode() + data
    if fmt == "sjis":
        # Declared Shift_JIS but written by Windows, so CP932 characters (①) occur.
        data = body.encode("cp932")
        return (
            f"Content-Type: text/{subtype}; charset=Shift_JIS\nContent-Transfer-Encoding: 8bit\n\n"
        ).encode() + data
    data = body.encode("utf-8")
    if fmt == "utf8-b64":
        encoded = base64.encodebytes(data)
        cte = "base64"
    elif fmt in ("utf8-qp", "alt", "html"):
        encoded = quopri.encodestring(data)
        cte = "quoted-printable"
    else:
        encoded = data
        cte = "8bit" if not data.isascii() else "7bit"
    return (
        f'Content-Type: text/{subtype}; charset="utf-8"\nContent-Transfer-Encoding: {cte}\n\n'
    ).encode() + encoded


def build(m: M, n: int) -> bytes:
    charset = {"iso2022": "iso-2022-jp", "sjis": "shift_jis"}.get(m.fmt, "utf-8")
    name, email = m.sender
    domain = email.split("@", 1)[1]
    headers = [
        f"From: {_addr(name, email, charset)}",
        f"To: {m.to}",
        f"Subject: {_header(m.subject, charset)}",
        "Date: "
        + format_datetime(datetime(2024, 7, 1 + n % 28, 9 + n % 9, (n * 7) % 60, tzinfo=JST)),
        f"Message-ID: <routing-{n:03d}.{m.file.removesuffix('.eml')}@{domain}>",
        "MIME-Version: 1.0",
    ]
    if m.fmt == "html":
        body = _leaf(m.body, "html", "html")
    elif m.fmt == "alt":
        boundary = f"alt-{n:03d}"
        body = (
            f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n--{boundary}\n'.encode()
            + _leaf(m.body, "plain", "utf8-qp")
            + f"\n--{boundary}\n".encode()
            + _leaf(_html(m.body), "html", "alt")
            + f"\n--{boundary}--\n".encode()
        )
    else:
        body = _leaf(m.body, "plain", m.fmt)
    if m.attach:
        boundary = f"mixed-{n:03d}"
        parts = [f"--{boundary}\n".encode() + body]
        for filename, ctype in m.attach:
            fname = filename if filename.isascii() else Header(filename, "utf-8").encode()
            parts.append(
                (
                    f'\n--{boundary}\nContent-Type: {ctype}; name="{fname}"\n'
                    f'Content-Disposition: attachment; filename="{fname}"\n'
                    "Content-Transfer-Encoding: base64\n\n"
                ).encode()
                + base64.encodebytes(PDF)
            )
        body = (
            f'Content-Type: multipart/mixed; boundary="{boundary}"\n\n'.encode()
            + b"".join(parts)
            + f"\n--{boundary}--\n".encode()
        )
    raw = "\n".join(headers).encode() + b"\n" + body
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def labels_toml(messages: list[M]) -> str:
    lines = [
        "# Expected queue per corpus mail (generated by tests/data/make_routing_fixtures.py).",
        "# customer_status, when given, is what the router's context says about the sender.",
        "",
    ]
    for m in messages:
        status = f', customer_status = "{m.status}"' if m.status else ""
        batch = f', batch = "{m.batch}"' if m.batch != "dev" else ""
        why = m.why.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'"{m.file}" = {{ queue = "{m.queue}"{status}{batch}, why = "{why}" }}')
    return "\n".join(lines) + "\n"


def all_messages() -> list[M]:
    """MESSAGES and the held-out batches of make_routing_holdout.py, in a stable order
    (appended, so earlier messages keep their number and their bytes)."""
    # Run as a script this module is __main__; the sibling imports it by name.
    sys.modules.setdefault("make_routing_fixtures", sys.modules[__name__])
    from make_routing_holdout import HOLDOUT

    return [*MESSAGES, *HOLDOUT]


def main() -> None:
    messages = all_messages()
    OUT.mkdir(parents=True, exist_ok=True)
    names = [m.file for m in messages]
    assert len(names) == len(set(names)), "duplicate file names"
    for old in OUT.glob("*.eml"):
        if old.name not in names:
            old.unlink()
    for n, m in enumerate(messages, start=1):
        (OUT / m.file).write_bytes(build(m, n))
    (OUT / "labels.toml").write_text(labels_toml(messages), encoding="utf-8")
    counts: dict[str, int] = {}
    for m in messages:
        counts[m.queue] = counts.get(m.queue, 0) + 1
    print(f"wrote {len(messages)} messages to {OUT}: {counts}")


if __name__ == "__main__":
    main()
