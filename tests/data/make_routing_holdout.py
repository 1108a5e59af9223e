"""Held-out batches of the routing corpus (tests/data/routing), written by someone who had
not read config/rules.toml, to measure how the default rules generalise.

`make_routing_fixtures.py` writes these together with its own messages (run it, not this
module). Each batch is written once, with the rules frozen, and never edited to suit them;
it is measured once untouched, and only then may the rules learn from its misses:

- "holdout-4": written before reading the rules. Untouched: 49/64 (76.6%); the first
  retuning (phrase families, `sentence`, `[lists]`, Japanese folding) looked at it.
- "holdout-5": written after that retuning. Untouched: 37/48 (77.1%; disputes 3/12); a
  second retuning looked at its misses.
- "holdout-6": written after the second retuning and never tuned on: 38/44 (86.4%) when
  written. With holdout-3 (another author's, never tuned on) it is the honest figure.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja

H4 = "holdout-4"

OUTLOOK_EN = """
From: Billing Support <billing@cloudpartner.example>
Sent: {date}
To: {to}
Subject: {subject}
"""

OUTLOOK_JA = """
差出人: Billing Support <billing@cloudpartner.example>
送信日時: {date}
宛先: {to}
件名: {subject}
"""


HOLDOUT_4: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h4-en-billing-higher-this-month.eml",
        "billing",
        "asks why this month's invoice is higher; suspects proration, contests nothing",
        ("Olivia Grant", "ogrant@harbourfreight.example"),
        "Question on July invoice total",
        """Hi there,

Our July invoice came to $4,312.50, about $600 more than June. We onboarded three
new starters in the middle of the month, so I assume that is the pro-rated cost of
their Business Premium seats, but I could not see it broken down anywhere.

Could someone walk me through how the amount was calculated so I can explain it to
our finance director?

Many thanks,
Olivia
"""
        + sig_en("Olivia Grant", "Office Manager", "Harbour Freight Forwarding Ltd"),
        batch=H4,
    ),
    M(
        "h4-en-billing-vendor-form.eml",
        "billing",
        "supplier onboarding: needs W-9 and bank details to pay invoices",
        ("Accounts Payable", "ap@redwoodlabs.example"),
        "Supplier set-up form - CloudPartner",
        """Hello,

Before we can process your invoices our procurement system requires every supplier to
complete the attached supplier set-up form, together with a W-9 and a bank letter
confirming the remittance account.

Please return the completed form to ap@redwoodlabs.example. Invoices cannot be paid
until the supplier record is active.

Regards,
Accounts Payable Team
Redwood Labs Inc.
""",
        attach=(("Supplier_Setup_Form.pdf", "application/pdf"),),
        batch=H4,
    ),
    M(
        "h4-en-billing-remittance.eml",
        "billing",
        "remittance advice from a customer in good standing",
        ("Greg Hollis", "greg.hollis@pinecrestdental.example"),
        "Remittance advice - INV-2024-08120",
        """Good morning,

Please find attached the remittance advice for invoice INV-2024-08120 (USD 1,980.00),
paid today by ACH from our Chase account. Let me know if you need anything else.

Greg
""",
        status="active",
        attach=(("Remittance_0712.pdf", "application/pdf"),),
        fmt="utf8-qp",
        batch=H4,
    ),
    M(
        "h4-en-billing-reply-over-escalation.eml",
        "billing",
        "Outlook top-post asking for a PDF copy; the quoted old thread is about an outage escalated to Microsoft",
        ("Hannah Ives", "hannah.ives@brightwater.example"),
        "RE: [BILL-311] Teams outage - case escalated",
        """Hi,

Thanks again for sorting that out last month. Unrelated question: could you send me
the June invoice as a PDF? Our accounts system only accepts PDF attachments.

Hannah
"""
        + OUTLOOK_EN.format(
            date="Tuesday, June 4, 2024 3:12 PM",
            to="Hannah Ives <hannah.ives@brightwater.example>",
            subject="[BILL-311] Teams outage - case escalated",
        )
        + """
Dear Hannah,

We have escalated the outage to Microsoft under case 2406040030001234. The service
is down for your whole tenant and Microsoft engineers are investigating. We will chase
the vendor and update you as soon as we hear back.

Billing Support
""",
        batch=H4,
    ),
    M(
        "h4-en-billing-add-seats-cost.eml",
        "billing",
        "asks the cost of adding seats and when it will be invoiced",
        ("Marcus Webb", "mwebb@quillstone.example"),
        "Adding 10 more E3 licences",
        """Hi team,

We are hiring and want to add 10 Microsoft 365 E3 licences to our annual subscription
(tenant quillstone.onmicrosoft.com). What would that cost per month, will it be
co-termed with the existing subscription, and will it appear on the next invoice or on a
separate one?

Thanks
Marcus Webb
IT Lead, Quillstone Architects
""",
        batch=H4,
    ),
    M(
        "h4-en-billing-autopay-html.eml",
        "billing",
        "HTML-only: can we pay by direct debit instead of wire transfer",
        ("Sofia Marin", "sofia.marin@lumenoptics.example"),
        "Automatic payments?",
        """<div dir="ltr"><p>Hello,</p>
<p>At the moment we pay every invoice by international wire, which costs us fees each
month. Do you offer <b>automatic payment</b> by direct debit (SEPA) or by credit card
so that invoices are settled on the due date without us doing anything?</p>
<p>If yes, what do you need from us to set it up?</p>
<p>Kind regards,<br>Sofia Marin<br>Finance, Lumen Optics S.L.</p></div>""",
        fmt="html",
        batch=H4,
    ),
    M(
        "h4-en-billing-iphone-typos.eml",
        "billing",
        "terse phone mail with typos asking for an invoice to be resent",
        ("Tony Russo", "tony@russoplumbing.example"),
        "invoice",
        """hey can u resend teh invoice for june, my acountant needs it for the quarter.
also is there a way to get them emailed to her directly going forward? her adress is
books@russoplumbing.example

thx
Tony

Sent from my iPhone
""",
        batch=H4,
    ),
    M(
        "h4-en-billing-cost-centres.eml",
        "billing",
        "asks to split the invoice by cost centre; the company name contains 'Recovery'",
        ("Fiona McLeod", "fiona.mcleod@highlandrecovery.example"),
        "Splitting charges by department",
        """Dear Billing team,

Our finance team would like the monthly Azure and Microsoft 365 charges split by cost
centre (Clinical, Admin, Research) rather than one total. Is that something you can do
on the invoice itself, or can you provide a usage breakdown we could allocate ourselves?

Best wishes,
Fiona McLeod
Highland Recovery Trust
""",
        fmt="alt",
        batch=H4,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h4-ja-billing-pdf-resend.eml",
        "billing",
        "ISO-2022-JP: 請求書PDFの再送依頼（丁寧語）",
        ("佐々木 真理", "m.sasaki@hoshino-kogyo.example"),
        "請求書再送のお願い",
        """クラウドパートナー株式会社
ご請求担当者様

いつも大変お世話になっております。
星野工業の佐々木でございます。

先日お送りいただきました6月分の請求書のPDFですが、社内のメールサーバーの
容量制限により受け取ることができておりませんでした。
お手数をおかけし恐縮ですが、再度お送りいただけますでしょうか。

何卒よろしくお願い申し上げます。
"""
        + sig_ja("星野工業株式会社", "経理課", "佐々木 真理", "2231"),
        fmt="iso2022",
        batch=H4,
    ),
    M(
        "h4-ja-billing-closing-date.eml",
        "billing",
        "Shift_JIS: 請求の締め日を20日締めに変更できるかの相談",
        ("松田 浩二", "k.matsuda@aoba-denki.example"),
        "請求書の締め日について",
        """ご担当者様

お世話になっております。青葉電機の松田です。

弊社は毎月20日締め・翌月末払いで支払処理を行っております。
現在の貴社請求書は月末締めとなっておりますが、
① 締め日を20日に変更していただくことは可能でしょうか。
② 難しい場合、請求書の発行日を前倒しいただくことはできますでしょうか。

ご検討のほどよろしくお願いいたします。
"""
        + sig_ja("青葉電機株式会社", "管理部", "松田 浩二", "4410"),
        fmt="sjis",
        batch=H4,
    ),
    M(
        "h4-ja-billing-due-date-question.eml",
        "billing",
        "支払期限と振込手数料の負担を尋ねる質問（未払いではない）",
        ("井上 早紀", "inoue@kazamidori.example"),
        "お支払期限の確認",
        """お世話になっております。かざみどり保育園の井上です。

本日届いた7月分の請求書について、2点確認させてください。

・お支払期限は請求書記載の8月31日でよろしいでしょうか。
・銀行振込の際の振込手数料はどちらの負担になりますか。

初めての支払いのため、念のため確認させていただきました。
よろしくお願いいたします。

井上 早紀
""",
        batch=H4,
    ),
    M(
        "h4-ja-billing-contact-change-delinquent.eml",
        "billing",
        "担当者変更の連絡のみ。顧客は延滞中だが支払いの話ではない",
        ("小林 大輔", "d.kobayashi@minato-shokai.example"),
        "経理担当者変更のお知らせ",
        """クラウドパートナー株式会社 御中

平素より大変お世話になっております。
みなと商会の小林でございます。

8月1日付の人事異動により、弊社の経理担当が私から中川に変更となります。
今後の請求書・ご連絡は下記宛にお送りくださいますようお願い申し上げます。

新担当：中川 美穂（nakagawa@minato-shokai.example）

引き続きよろしくお願いいたします。
"""
        + sig_ja("株式会社みなと商会", "総務経理部", "小林 大輔", "7781"),
        status="delinquent",
        batch=H4,
    ),
    M(
        "h4-ja-billing-card-switch-html.eml",
        "billing",
        "HTML-only: 法人カードの切り替え手続きの質問",
        ("原田 恵", "harada@sakura-design.example"),
        "クレジットカード変更の手続き",
        """<html><body>
<p>ご担当者様</p>
<p>いつもお世話になっております。さくらデザインの原田です。</p>
<p>社内でコーポレートカードを新しいものに切り替えることになりました。<br>
来月分のお支払いから新しいカードで決済していただきたいのですが、
カード情報の変更はどのような手順で行えばよろしいでしょうか。</p>
<p>お手数ですがご教示ください。</p>
<p>原田 恵<br>株式会社さくらデザイン 管理部</p>
</body></html>""",
        fmt="html",
        batch=H4,
    ),
    M(
        "h4-ja-billing-mixed-cost-center.eml",
        "billing",
        "英語混じり: Azure の invoice を部署ごとに分けられるか",
        ("Ken Ito", "ken.ito@tsubasa-games.example"),
        "Azure invoice を部署別に",
        """お疲れさまです、Tsubasa Games の伊藤です。

Azure の invoice なんですが、subscription ごと（dev / prod / QA）に分けて
発行してもらうことってできますか？ 社内で cost center ごとに配賦する必要があって、
今は1枚の invoice から手で按分していて大変です。

難しければ usage の CSV だけでも助かります。

Ken
""",
        fmt="utf8-qp",
        batch=H4,
    ),
    M(
        "h4-ja-billing-forwarded-receipt.eml",
        "billing",
        "上司からの転送メール付きで領収書の発行を依頼",
        ("藤井 彩", "a.fujii@kotobuki-ya.example"),
        "Fwd: 経費精算の件",
        """クラウドパートナー ご担当者様

お世話になっております。寿屋の藤井です。
下記の通り社長から指示がありましたので、5月分と6月分の領収書を
発行していただけますでしょうか。宛名は「株式会社寿屋」でお願いします。

---------- Forwarded message ---------
From: 寿 太郎 <t.kotobuki@kotobuki-ya.example>
Date: 2024年7月8日(月) 9:02
Subject: 経費精算の件
To: 藤井 彩 <a.fujii@kotobuki-ya.example>

藤井さん
クラウドの利用料、カード払いなので領収書がないと経費で落とせません。
業者に言ってもらってください。
寿
""",
        batch=H4,
    ),
    M(
        "h4-ja-billing-reply-over-reminder.eml",
        "billing",
        "送付先変更の依頼。引用部分は過去の督促メール（支払期限超過・利用停止）",
        ("森 和也", "k.mori@midori-clinic.example"),
        "RE: 【ご入金のお願い】4月分ご請求について",
        """ご担当者様

お世話になっております。みどりクリニックの森です。
その節はご迷惑をおかけしました。

別件ですが、今後の請求書は紙ではなくメールでの送付に切り替えていただけますか。
送付先は jimu@midori-clinic.example でお願いします。

森
"""
        + OUTLOOK_JA.format(
            date="2024年5月10日 10:00",
            to="森 和也 <k.mori@midori-clinic.example>",
            subject="【ご入金のお願い】4月分ご請求について",
        )
        + """
みどりクリニック 森様

4月分のご請求につきまして、お支払期限を過ぎてもご入金が確認できておりません。
5月20日までにご入金が確認できない場合、サービスを利用停止とさせていただきます。
""",
        status="active",
        batch=H4,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h4-en-disputes-50-vs-30-seats.eml",
        "disputes",
        "billed for 50 seats, only 30 users; wants a corrected invoice and credit",
        ("Rachel Kim", "rachel.kim@copperleaf.example"),
        "Invoice INV-2024-07702 - seat count wrong",
        """Hi,

You billed us for 50 Business Standard seats on INV-2024-07702 but we only have 30
users. We reduced the count in April and your own portal shows 30 assigned licences.

Please issue a corrected invoice and credit us for the 20 extra seats for May, June and
July. We will pay the correct amount once we receive it.

Rachel Kim
Operations Manager, Copperleaf Bakeries
""",
        batch=H4,
    ),
    M(
        "h4-en-disputes-card-charged-again.eml",
        "disputes",
        "the card on file was charged again for an invoice already paid by bank transfer",
        ("Neil Foster", "neil.foster@westgate-legal.example"),
        "Card charged again for a paid invoice",
        """Hello,

The card on file was charged again this morning (GBP 2,140.00) for invoice
INV-2024-06655, which we already paid by bank transfer on 28 June. Proof of the
transfer is attached.

Please refund the card payment as soon as possible and confirm in writing.

Neil Foster
Practice Manager
Westgate Legal LLP
""",
        attach=(("transfer_confirmation.pdf", "application/pdf"),),
        fmt="utf8-qp",
        batch=H4,
    ),
    M(
        "h4-en-disputes-unauthorised-renewal.eml",
        "disputes",
        "never authorised the auto-renewal; told the rep they would not renew",
        ("Diane Cho", "dcho@sunridge-realty.example"),
        "We never authorised this renewal",
        """To whom it may concern,

We never authorised this renewal. In March I told your account manager, Ben, that we
would not be renewing Dynamics 365 Sales after the term ended on 30 June, and he
confirmed it by phone.

Yet we have now been invoiced $14,400 for another year. We will not pay for a
subscription we did not agree to. Please cancel it and void the invoice.

Diane Cho
COO, Sunridge Realty
""",
        batch=H4,
    ),
    M(
        "h4-en-disputes-notice-html.eml",
        "disputes",
        "HTML-only formal notice disputing an invoice in full; says payment is withheld meanwhile",
        ("Legal Department", "legal@orbitalsystems.example"),
        "Notice of disputed invoice INV-2024-07781",
        """<html><body>
<p>Dear Sir or Madam,</p>
<p>Orbital Systems GmbH hereby formally disputes invoice <b>INV-2024-07781</b> dated
1 July 2024 (EUR 18,250.00) in its entirety. The invoice includes Azure reserved
instances that were never purchased by our organisation.</p>
<p>In accordance with clause 7.3 of our agreement, we are withholding payment of the
disputed amount until the matter is resolved. Undisputed invoices will be paid as usual.</p>
<p>Yours faithfully,<br>Dr. Katrin Vogel<br>Head of Legal, Orbital Systems GmbH</p>
</body></html>""",
        fmt="html",
        batch=H4,
    ),
    M(
        "h4-en-disputes-overcharged-fx.eml",
        "disputes",
        "converted at a much worse rate than the contract; overcharged about $340",
        ("Arjun Mehta", "arjun@kestrelanalytics.example"),
        "Overcharged on the exchange rate",
        """Hi,

Our contract fixes the USD/JPY conversion at the rate of the first business day of the
month. On the July invoice you used a rate roughly 3% worse, so we have been overcharged
by about $340.

I've attached my calculation. Please adjust the invoice.

Thanks,
Arjun Mehta
Kestrel Analytics
""",
        attach=(
            (
                "fx_calculation.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
        ),
        batch=H4,
    ),
    M(
        "h4-en-disputes-discount-not-applied.eml",
        "disputes",
        "nonprofit discount missing on three invoices; expects a credit",
        ("Beth Lawson", "beth@greenfieldfoodbank.example"),
        "Nonprofit pricing missing from invoices",
        """Hello,

We are a registered charity and were approved for nonprofit pricing in February. The
discount has not been applied on the May, June or July invoices - we were charged the
full commercial price each time.

We expect a credit for the difference on all three. Can you confirm when this will be
corrected?

Best,
Beth Lawson
Greenfield Food Bank
""",
        fmt="utf8-b64",
        batch=H4,
    ),
    M(
        "h4-en-disputes-downgrade-ignored.eml",
        "disputes",
        "downgraded E5 to E3 but still charged E5 pricing",
        ("Tom Hadley", "t.hadley@marlowgroup.example"),
        "Still paying E5 after downgrade",
        """Hi,

We downgraded all 45 users from Microsoft 365 E5 to E3 on 1 June (your confirmation
is attached) but the June and July invoices still charge the E5 price. That is
incorrect. Please fix it and refund the overpayment for both months.

Regards,
Tom Hadley
IT Manager, Marlow Group
""",
        attach=(("downgrade_confirmation.pdf", "application/pdf"),),
        batch=H4,
    ),
    M(
        "h4-en-disputes-amex-typos.eml",
        "disputes",
        "informal, typos: doesn't recognise an Amex charge, threatens a chargeback",
        ("Luis Ortega", "luis@ortega-design.example"),
        "charge on our amex??",
        """hi

i dont recognise this charge on our amex statment - 2,480.00 USD from "CLOUDPARTNER"
on july 2. we only pay you about 300 a month. nobody here bought anything extra.

if somebody cant explain it by friday im going to file a chargback with amex

luis
""",
        batch=H4,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h4-ja-disputes-quote-differs.eml",
        "disputes",
        "base64: 請求額が見積もりと異なるので訂正を求める",
        ("石田 隆", "t.ishida@kitaguni-unyu.example"),
        "7月分請求金額の相違について",
        """クラウドパートナー株式会社
ご担当者様

お世話になっております。北国運輸の石田です。

7月分のご請求額が見積もりと異なります。
お見積り（Q-2024-0315）では月額 165,000円（税込）となっておりましたが、
請求書では 198,000円 となっております。

数量・単価ともに見積もり時から変更はございませんので、
ご確認のうえ、訂正した請求書の再発行をお願いいたします。
"""
        + sig_ja("北国運輸株式会社", "経理部", "石田 隆", "6632"),
        fmt="utf8-b64",
        batch=H4,
    ),
    M(
        "h4-ja-disputes-cancelled-still-billed.eml",
        "disputes",
        "ISO-2022-JP: 3月末で解約したのに4月分以降も請求、返金を求める",
        ("中村 優子", "y.nakamura@hinode-jimusho.example"),
        "解約済みライセンスの請求について",
        """ご担当者様

いつもお世話になっております。日の出会計事務所の中村です。

Microsoft 365 Business Basic 5ライセンスは3月末で解約する旨、
2月にご連絡し、受付のご返信もいただいております。
しかし、4月分・5月分の請求にも同ライセンスの料金が含まれております。

解約後の請求は不当と考えますので、既にお支払いした2か月分を返金してください。

よろしくお願いいたします。
"""
        + sig_ja("日の出会計事務所", "総務", "中村 優子", "1188"),
        fmt="iso2022",
        batch=H4,
    ),
    M(
        "h4-ja-disputes-usage-hours.eml",
        "disputes",
        "Shift_JIS: 従量課金の時間数が実際の利用と合わない",
        ("山口 健", "ken.yamaguchi@seiran-soft.example"),
        "Azure仮想マシン利用料の請求内容について",
        """ご担当者様

お世話になっております。青嵐ソフトの山口です。

6月分の請求書に記載された仮想マシン（D4s v5）の利用時間が720時間となっていますが、
当該VMは検証用で、実際に起動していたのは約120時間です。
Azureポータルのコスト分析でも同様の結果となっております（スクリーンショット添付）。

請求内容が実際の利用量と合っておりませんので、ご確認と訂正をお願いします。
"""
        + sig_ja("青嵐ソフト株式会社", "開発部", "山口 健", "3305"),
        fmt="sjis",
        attach=(("cost_analysis.png", "image/png"),),
        batch=H4,
    ),
    M(
        "h4-ja-disputes-unordered-addon.eml",
        "disputes",
        "注文していないアドオンが追加され請求されている",
        ("渡辺 聡", "s.watanabe@umihara-suisan.example"),
        "注文していないTeams Phoneの料金",
        """お世話になっております。海原水産の渡辺です。

今月の請求書に「Teams Phone Standard × 25」という項目があり、
約3万円が請求されていますが、弊社ではこのようなアドオンを注文しておりません。
社内の誰も申し込んだ覚えがなく、承認もしておりません。

この項目を請求から削除していただくようお願いします。

渡辺
""",
        batch=H4,
    ),
    M(
        "h4-ja-disputes-cannot-accept-html.eml",
        "disputes",
        "HTML-only: 請求内容に納得できず、確認が取れるまで支払いを保留すると通知",
        ("高橋 直子", "n.takahashi@asahi-kenzai.example"),
        "ご請求内容について",
        """<html><body>
<p>クラウドパートナー株式会社<br>ご請求ご担当者様</p>
<p>平素は格別のお引き立てを賜り、厚く御礼申し上げます。</p>
<p>さて、このたび頂戴いたしました7月分のご請求書につきまして、
契約書に記載のない「導入サポート費用 220,000円」が計上されております。
当該費用については事前のご説明もなく、弊社としては納得いたしかねます。</p>
<p>つきましては、内容のご説明をいただけるまで、当該金額のお支払いは保留させていただきます。</p>
<p>何卒よろしくお願い申し上げます。</p>
<p>旭建材株式会社<br>経営管理部 高橋 直子</p>
</body></html>""",
        fmt="html",
        batch=H4,
    ),
    M(
        "h4-ja-disputes-mixed-wrong-amount.eml",
        "disputes",
        "英語混じり: PO と請求額が違う (wrong amount)",
        ("Yuki Sato", "yuki.sato@nijiiro-media.example"),
        "Invoice INV-2024-06613 amount wrong",
        """Billing team 各位

Invoice INV-2024-06613 の金額が wrong です。
PO (PO-88123) では 98,000円 のはずが、invoice では 128,000円 で請求されています。
差額の 30,000円 が何なのか説明もないですし、こちらでは承認していません。

修正版の invoice を送ってください。それまで支払い処理はできません。

Yuki Sato
Nijiiro Media / Accounting
""",
        batch=H4,
    ),
    M(
        "h4-ja-disputes-price-up-no-notice.eml",
        "disputes",
        "事前通知なく値上げ。契約では3年間価格固定のはず",
        ("岡田 亮", "r.okada@kanade-hotel.example"),
        "事前連絡のない値上げについて",
        """お世話になっております。かなでホテルの岡田です。

8月分の請求から、Microsoft 365 の単価が1ライセンスあたり 1,360円 から 1,650円 に
上がっております。当社の契約では3年間は単価を据え置くと明記されており、
値上げについて事前のご連絡もいただいておりません。

契約に基づき、従来の単価での請求に訂正していただきますようお願いいたします。

岡田 亮
株式会社かなでホテル 情報システム課
""",
        fmt="utf8-qp",
        batch=H4,
    ),
    M(
        "h4-ja-disputes-forwarded-accounting.eml",
        "disputes",
        "経理部からの指摘を転送: 今月の請求に過去分が重複して含まれている",
        ("西村 健太", "k.nishimura@fujimi-lab.example"),
        "Fwd: 7月請求書の重複について",
        """クラウドパートナー ご担当者様

お世話になっております。ふじみラボの西村です。
経理部から下記の指摘がありました。6月分がすでに支払済みにもかかわらず、
7月の請求書に6月分が再度含まれているようです。
重複分を差し引いた請求書に訂正をお願いします。

-------- 転送メッセージ --------
差出人: 経理部 岩田 <iwata@fujimi-lab.example>
日付: 2024/07/09 11:20
宛先: 西村 健太 <k.nishimura@fujimi-lab.example>
件名: 7月請求書の重複について

西村さん
クラウドパートナーの7月請求書、6月分（52,800円）がもう一度計上されています。
6月分は6/28に振込済みです。業者に確認してください。
岩田
""",
        batch=H4,
    ),
    # ------------------------------------------------------------------ collections (en)
    M(
        "h4-en-collections-account-locked.eml",
        "collections",
        "account locked because of payment; invoice paid yesterday, asks to reactivate",
        ("Chris Doyle", "chris.doyle@fernhillschool.example"),
        "Account locked - please reactivate",
        """Hi,

Our account is locked because of payment - staff got a message this morning that the
subscription has been disabled. The outstanding invoice was paid yesterday afternoon
(reference FHS-2291). Please get us reactivated as soon as possible, teachers can't
access their email.

Chris Doyle
Business Manager, Fernhill School
""",
        status="suspended",
        batch=H4,
    ),
    M(
        "h4-en-collections-payment-plan.eml",
        "collections",
        "behind on two invoices, asks for instalments",
        ("Paula Stein", "paula@steinbrothers.example"),
        "Payment arrangement",
        """Hello,

I'm writing to be upfront: we are behind on the May and June invoices because a large
client of ours has paid us late. We don't want to lose access to our email and files.

Would it be possible to spread the outstanding amount over three monthly instalments
starting 15 August? We will keep the July invoice current.

Sincerely,
Paula Stein
Stein Brothers Construction
""",
        status="delinquent",
        batch=H4,
    ),
    M(
        "h4-en-collections-reminder-reply.eml",
        "collections",
        "reply to a payment reminder: apologises, AP will pay by end of week",
        ("Derek Lowe", "derek.lowe@ironbridgeauto.example"),
        "Re: Payment reminder - INV-2024-05532",
        """Apologies, this one slipped through the cracks during our system migration. I've
asked AP to release the payment and it should be with you by Friday.

Derek

On Mon, 8 Jul 2024 at 09:00, Billing Support <billing@cloudpartner.example> wrote:
> Dear customer,
> Our records show that invoice INV-2024-05532 (USD 860.00) is now 30 days past due.
> Please arrange payment at your earliest convenience.
""",
        status="delinquent",
        batch=H4,
    ),
    M(
        "h4-en-collections-debit-bounced.eml",
        "collections",
        "last month's direct debit bounced; asks how to settle the outstanding balance",
        ("Irene Walsh", "irene.walsh@bluebellflorist.example"),
        "Direct debit didn't go through",
        """Hi,

Our bank has told us that last month's direct debit to you was returned unpaid - we
changed banks in June and the mandate didn't carry over. So I think we now owe you for
June.

How can we settle the outstanding balance, and do we need to sign a new direct debit
mandate for the new account?

Thanks,
Irene
Bluebell Florist
""",
        batch=H4,
    ),
    M(
        "h4-en-collections-grant-funding.eml",
        "collections",
        "cannot pay the July invoice until grant funding arrives; asks not to cut off service",
        ("Samuel Okafor", "s.okafor@riverlightcharity.example"),
        "July invoice - delay in payment",
        """Dear CloudPartner,

Our grant funding for the new financial year has been delayed by the council, so we
will not be able to pay the July invoice by its due date. We expect the funds around
the 25th of August and will pay in full then.

Please don't cut off our service in the meantime - our volunteers rely on it.

With thanks,
Samuel Okafor
Treasurer, Riverlight Charity
""",
        fmt="alt",
        batch=H4,
    ),
    M(
        "h4-en-collections-final-notice-confused.eml",
        "collections",
        "received a final notice; their AP system shows paid, asks what is outstanding",
        ("Megan Price", "mprice@oakhollowvets.example"),
        "Final notice received??",
        """Hi,

We've just received a "final notice" letter saying our account will be disabled in 7
days. Our AP system shows both invoices as paid. Can you tell me exactly which
invoices you have as outstanding and the amounts, so I can check with our bank?

Megan Price
Practice Manager, Oak Hollow Veterinary
""",
        batch=H4,
    ),
    M(
        "h4-en-collections-suspended-wired.eml",
        "collections",
        "users cannot log in: subscription suspended for non-payment; money wired",
        ("Victor Hale", "victor.hale@hale-logistics.example"),
        "URGENT - users locked out",
        """Hello,

None of our users can log in since this morning. The admin centre says the
subscription is suspended for non-payment. We wired the full balance ($3,870.00) at
10am, confirmation attached. Please restore access immediately, our drivers can't get
their schedules.

Victor Hale
Hale Logistics
""",
        status="suspended",
        attach=(("wire_confirmation.pdf", "application/pdf"),),
        batch=H4,
    ),
    M(
        "h4-en-collections-arrears-statement.eml",
        "collections",
        "asks for a statement of all past-due invoices to clear the arrears",
        ("Nadia Petrova", "n.petrova@cedarpoint-hotels.example"),
        "Statement of account please",
        """Hello,

Could you please send us a statement listing all past-due invoices on our account?
We would like to clear the arrears in a single payment before the end of the month.

Kind regards,
Nadia Petrova
Financial Controller, Cedar Point Hotels
""",
        status="delinquent",
        batch=H4,
    ),
    # ------------------------------------------------------------------ collections (ja)
    M(
        "h4-ja-collections-not-debited.eml",
        "collections",
        "ISO-2022-JP: 先月分が引き落とされていない（残高不足かもしれない）",
        ("吉田 美咲", "misaki.yoshida@hanamizuki.example"),
        "先月分の引き落としについて",
        """ご担当者様

お世話になっております。はなみずき整骨院の吉田です。

通帳を確認したところ、先月分の利用料が引き落とされていないようです。
口座の残高が不足していたのかもしれません。申し訳ございません。

先月分はどのようにお支払いすればよろしいでしょうか。
お振込みでよろしければ、振込先を教えてください。

吉田 美咲
""",
        fmt="iso2022",
        batch=H4,
    ),
    M(
        "h4-ja-collections-stopped-but-paid.eml",
        "collections",
        "Shift_JIS: サービスが使えなくなった。支払未確認のため停止との通知、支払いは済んでいる",
        ("加藤 誠", "m.kato@kaede-koumuten.example"),
        "サービスが使えなくなりました",
        """ご担当者様

加藤工務店の加藤です。

今朝からメールもTeamsも使えなくなりました。
「お支払いが確認できないため、ご利用を停止しました」というメールが届いていましたが、
支払いは昨日済んでいます（振込控えを添付します）。

仕事にならないので、至急利用を再開してください。
"""
        + sig_ja("有限会社加藤工務店", "", "加藤 誠", "9021"),
        fmt="sjis",
        status="suspended",
        attach=(("furikomi.pdf", "application/pdf"),),
        batch=H4,
    ),
    M(
        "h4-ja-collections-late-apology.eml",
        "collections",
        "督促状を受け取った。支払い遅延のお詫びと月末までの入金予定",
        ("清水 智子", "t.shimizu@ichigo-foods.example"),
        "お支払い遅延のお詫び",
        """クラウドパートナー株式会社
ご担当者様

いつもお世話になっております。いちごフーズの清水でございます。

本日、督促状を拝受いたしました。
弊社の手続き上の不備により、5月分・6月分のお支払いが遅れてしまい、
大変申し訳ございません。

今月末までに2か月分をまとめてお振込みいたします。
何卒ご容赦くださいますようお願い申し上げます。
"""
        + sig_ja("いちごフーズ株式会社", "経理部", "清水 智子", "5530"),
        status="delinquent",
        batch=H4,
    ),
    M(
        "h4-ja-collections-installments.eml",
        "collections",
        "滞納分の分割払いの相談",
        ("村上 亮介", "r.murakami@seaside-cafe.example"),
        "滞納分の支払い方法のご相談",
        """お世話になっております。シーサイドカフェの村上です。

コロナ以降売上が落ち込み、3か月分の利用料を滞納してしまっております。
一括でのお支払いが難しい状況のため、分割払いにしていただくことは可能でしょうか。

毎月3万円ずつであれば確実にお支払いできます。
ご検討いただけますと幸いです。

村上
""",
        status="delinquent",
        fmt="utf8-b64",
        batch=H4,
    ),
    M(
        "h4-ja-collections-unpaid-notice-html.eml",
        "collections",
        "HTML-only: 未納のご連絡への返信。遅延のお詫びと入金予定日",
        ("長谷川 光", "hasegawa@mori-no-ie.example"),
        "Re: 【重要】未納のお知らせ",
        """<html><body>
<p>クラウドパートナー株式会社 御中</p>
<p>お世話になっております。森の家の長谷川でございます。</p>
<p>未納のご連絡をいただきありがとうございます。<br>
担当者の退職に伴い、引き継ぎが漏れておりました。お支払いが遅延しており、大変申し訳ございません。</p>
<p>7月19日（金）に全額お振込みいたしますので、何卒よろしくお願い申し上げます。</p>
<p>社会福祉法人 森の家<br>事務局 長谷川 光</p>
</body></html>""",
        fmt="html",
        status="delinquent",
        batch=H4,
    ),
    M(
        "h4-ja-collections-mixed-overdue.eml",
        "collections",
        "英語混じり: overdue の件、振込漏れ。本日振込、利用停止は避けたい",
        ("Daisuke Endo", "d.endo@kumo-logistics.example"),
        "Re: Overdue invoice",
        """Billing team

overdue の件、経理に確認したところ振込処理が漏れていました。申し訳ありません。
本日 transfer しましたので、確認お願いします。
利用停止だけはなんとか避けたいので、よろしくお願いします。

Endo
""",
        status="delinquent",
        batch=H4,
    ),
    M(
        "h4-ja-collections-card-expired.eml",
        "collections",
        "カード期限切れで決済できず未払いになっているとの通知を受けた",
        ("池田 洋子", "y.ikeda@komorebi-books.example"),
        "決済エラーの通知について",
        """ご担当者様

こもれび書房の池田です。

「クレジットカードの決済ができなかったため、6月分・7月分が未払いとなっております」
という通知メールが届きました。確認したところ、登録していたカードの有効期限が
切れていたようです。

未払いの2か月分はどのように支払えばよいでしょうか。
新しいカードで決済していただくことは可能ですか。

池田 洋子
""",
        status="delinquent",
        batch=H4,
    ),
    M(
        "h4-ja-collections-settle-before-cancel.eml",
        "collections",
        "解約前に未払い残高を精算したい",
        ("福田 翔", "sho.fukuda@yamabiko-tech.example"),
        "未払い残高の精算について",
        """お世話になっております。やまびこテックの福田です。

事業縮小に伴い、9月末でサービスを解約する予定です。
その前に、現在未払いとなっている残高をすべて精算したいと考えております。

未払いの金額と、振込先を教えていただけますでしょうか。

福田
""",
        batch=H4,
    ),
    # ------------------------------------------------------------------ escalations (en)
    M(
        "h4-en-escalations-portal-500.eml",
        "escalations",
        "admin center shows error 500 when downloading the invoice, for days",
        ("Grace Liu", "grace.liu@silverlinepharma.example"),
        "Can't download invoices - error 500",
        """Hi,

For three days now the Microsoft 365 admin center shows "HTTP ERROR 500" whenever I
try to download an invoice PDF under Billing > Bills & payments. I've tried Edge and
Chrome, InPrivate, and another admin account - same result.

Our auditors are waiting for the documents. Can you raise this with Microsoft?

Grace Liu
Finance Systems, Silverline Pharma
""",
        batch=H4,
    ),
    M(
        "h4-en-escalations-pass-to-microsoft.eml",
        "escalations",
        "asks to pass a licence-count problem on to Microsoft",
        ("Peter Novak", "p.novak@danubeengineering.example"),
        "Tenant still shows old licence count",
        """Hello,

We increased our Business Premium licences from 60 to 75 last Monday and you
confirmed the order. Our tenant still shows 60 available licences, so 15 new hires
have no mailbox.

This clearly needs fixing on Microsoft's side - please pass this to Microsoft
and let us know the case number.

Peter Novak
IT Administrator, Danube Engineering
""",
        batch=H4,
    ),
    M(
        "h4-en-escalations-copilot-missing.eml",
        "escalations",
        "paid for Copilot licences a week ago, never appeared in the tenant",
        ("Amelia Ross", "amelia.ross@tidewaterbank.example"),
        "Copilot licences not showing up",
        """Hi team,

We paid for 20 Microsoft 365 Copilot licences on 3 July (invoice attached, paid by
card) but they still haven't appeared in our tenant. It's been over a week and our
pilot group is waiting.

Could you check with the vendor what's holding up the provisioning?

Amelia Ross
Digital Workplace Lead, Tidewater Bank
""",
        attach=(("INV-2024-07015.pdf", "application/pdf"),),
        batch=H4,
    ),
    M(
        "h4-en-escalations-sla-credit.eml",
        "escalations",
        "Azure region outage took their app down; wants an SLA credit claim with Microsoft",
        ("Owen Bradley", "owen@parcelpoint.example"),
        "SLA credit for Tuesday's Azure outage",
        """Hi,

Tuesday's Azure West Europe incident took our production app down for roughly six
hours (14:05-20:10 CEST). Our App Service and SQL Database were both unavailable.

Under the Azure SLA we should be eligible for a service credit. As our CSP partner,
can you raise the SLA credit claim with Microsoft on our behalf? Happy to supply logs.

Owen Bradley
CTO, ParcelPoint
""",
        fmt="utf8-qp",
        batch=H4,
    ),
    M(
        "h4-en-escalations-stuck-pending.eml",
        "escalations",
        "subscription stuck in 'pending' after a transfer; cannot add users",
        ("Jasmine Patel", "jasmine@orchidstudios.example"),
        "Subscription stuck in pending",
        """Hello,

Since the transfer of our subscription to you two weeks ago, it has been stuck in a
"Pending" state in the admin portal. We can't assign or buy licences and the
renewal date shows as blank.

I assume only Microsoft can unstick this. Please look into it urgently.

Jasmine Patel
Orchid Studios
""",
        batch=H4,
    ),
    M(
        "h4-en-escalations-exchange-down-html.eml",
        "escalations",
        "HTML-only: Exchange Online down for all users",
        ("Service Desk", "servicedesk@northgatecouncil.example"),
        "URGENT: Exchange Online not working for all users",
        """<html><body>
<p><b>URGENT</b></p>
<p>Since 08:40 none of our 400 staff can send or receive email. Outlook shows
"Disconnected" and OWA returns "Something went wrong". The Microsoft service health page
shows nothing for our tenant.</p>
<p>Please open a priority case with Microsoft immediately and keep us updated.</p>
<p>Northgate Council IT Service Desk<br>Tel 01632 960 123</p>
</body></html>""",
        fmt="html",
        batch=H4,
    ),
    M(
        "h4-en-escalations-third-request.eml",
        "escalations",
        "third email about a usage report mismatch; wants it taken to a manager",
        ("Howard Grant", "howard.grant@meridianlabs.example"),
        "Third request - usage data mismatch",
        """This is the third time I am writing about this and nobody has replied.

The Azure usage data in the Microsoft cost management export does not match what we
see in the Azure portal for the same subscription - the export is missing about 40% of
the storage meters since June. I need someone above first-line support to take this up
with Microsoft.

Howard Grant
Head of Platform, Meridian Labs
""",
        batch=H4,
    ),
    M(
        "h4-en-escalations-marketplace-api.eml",
        "escalations",
        "AWS Marketplace billing API returns empty data; a vendor-side bug",
        ("Ivan Petrov", "ivan.petrov@northstar-saas.example"),
        "Marketplace metering API returning nothing",
        """Hi,

Since 1 July the AWS Marketplace Metering Service has been returning empty responses
for our product's usage records (BatchMeterUsage returns 200 with no results). Our
customers are therefore not being billed through the Marketplace at all.

This looks like a bug on AWS's end. Can you open a case with AWS through your partner
channel? Request IDs attached.

Ivan Petrov
Engineering Manager, Northstar SaaS
""",
        attach=(("request_ids.txt", "text/plain"),),
        batch=H4,
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "h4-ja-escalations-license-not-reflected.eml",
        "escalations",
        "ISO-2022-JP: 購入したライセンスが管理画面に反映されない。ベンダー側での確認を依頼",
        ("前田 伸也", "s.maeda@kirin-seiki.example"),
        "追加購入したライセンスが反映されません",
        """ご担当者様

いつもお世話になっております。麒麟精機の前田です。

7月10日に追加購入いたしましたMicrosoft 365 E3 10ライセンスが、
1週間経った現在も管理センターに反映されておりません。
新入社員のアカウントが作成できず困っております。

メーカー側での確認をお願いできますでしょうか。
"""
        + sig_ja("麒麟精機株式会社", "情報システム課", "前田 伸也", "8142"),
        fmt="iso2022",
        batch=H4,
    ),
    M(
        "h4-ja-escalations-portal-error.eml",
        "escalations",
        "Shift_JIS: ポータルで請求書をダウンロードすると500エラー",
        ("坂本 理恵", "r.sakamoto@tamagawa-gakuen.example"),
        "請求書ダウンロード時のエラー",
        """ご担当者様

玉川学園 事務局の坂本です。

管理ポータルの「請求書」画面から6月分の請求書をダウンロードしようとすると、
「500 Internal Server Error」と表示され、ダウンロードできません。
ブラウザを変えても同じでした。

監査で提出が必要なため、至急対応をお願いいたします。
"""
        + sig_ja("学校法人玉川学園", "事務局", "坂本 理恵", "0456"),
        fmt="sjis",
        batch=H4,
    ),
    M(
        "h4-ja-escalations-teams-outage.eml",
        "escalations",
        "本日午前からTeamsに接続できない障害。全社で業務停止",
        ("野口 拓也", "t.noguchi@hayabusa-trading.example"),
        "【至急】Teamsに接続できません",
        """ご担当者様

はやぶさ商事の野口です。

本日10時頃から、全社的にTeamsに接続できない状態が続いております。
会議・チャットともに使えず、業務が止まっています。
Microsoft側の障害かと思われますので、至急確認していただけますか。

野口
""",
        batch=H4,
    ),
    M(
        "h4-ja-escalations-tenant-migration.eml",
        "escalations",
        "テナント移行でサブスクリプションが紐付かなくなった。メーカーへの問い合わせを依頼",
        ("安藤 由紀", "y.ando@nanohana-hd.example"),
        "テナント移行後のサブスクリプションについて",
        """クラウドパートナー株式会社
ご担当者様

お世話になっております。菜の花ホールディングスの安藤でございます。

先月実施したグループ会社のテナント統合後、旧テナントで契約していた
サブスクリプションが新テナントに紐付かない状態になっております。
弊社の管理者権限では対処できないようですので、
お手数ですがメーカーへのお問い合わせをお願いできますでしょうか。
"""
        + sig_ja("菜の花ホールディングス株式会社", "IT推進部", "安藤 由紀", "3377"),
        fmt="utf8-qp",
        batch=H4,
    ),
    M(
        "h4-ja-escalations-sla-refund-html.eml",
        "escalations",
        "HTML-only: 障害に伴うSLA返金をメーカーに申請してほしい",
        ("桜井 亜美", "a.sakurai@ginga-net.example"),
        "先日の障害に伴うSLA適用について",
        """<html><body>
<p>ご担当者様</p>
<p>銀河ネットの桜井です。</p>
<p>7月2日に発生したAzure東日本リージョンの障害により、弊社サービスが約5時間停止しました。
SLAに基づくサービスクレジット（返金）の対象になると認識しております。</p>
<p>お手数ですが、メーカーへの申請手続きを代行していただけますでしょうか。
必要な情報があればお知らせください。</p>
<p>株式会社銀河ネット<br>インフラ部 桜井 亜美</p>
</body></html>""",
        fmt="html",
        batch=H4,
    ),
    M(
        "h4-ja-escalations-mixed-cost-mgmt.eml",
        "escalations",
        "英語混じり: Cost Management に data が出ない。Microsoft 側の不具合ではないか",
        ("Takeshi Mori", "takeshi.mori@sora-analytics.example"),
        "Cost Management でデータが表示されない",
        """お世話になっております。Sora Analytics の森です。

先週から Azure portal の Cost Management で、当社 subscription の cost data が
まったく表示されなくなりました（"No data available"）。
権限は Owner で、別の subscription では正常に表示されています。

Microsoft 側の不具合ではないかと思いますので、サポートに上げていただけますか。

Takeshi Mori
""",
        batch=H4,
    ),
    M(
        "h4-ja-escalations-no-answer-manager.eml",
        "escalations",
        "何度問い合わせても回答がない。責任者からの連絡を求める",
        ("上田 真一", "s.ueda@kagayaki-tsushin.example"),
        "再三の問い合わせについて",
        """ご担当者様

輝通信の上田です。

6月から3回にわたり、ライセンスの割り当てができない件でお問い合わせしておりますが、
いまだに具体的な回答をいただけておりません。

これ以上お待ちすることはできませんので、責任者の方からご連絡をいただくか、
メーカーに直接確認していただくようお願いいたします。

上田 真一
""",
        batch=H4,
    ),
    M(
        "h4-ja-escalations-admin-locked-mfa.eml",
        "escalations",
        "管理者アカウントがロックされ MFA リセットもできない。ベンダーのサポートが必要",
        ("菅原 悠", "yu.sugawara@mirai-kikaku.example"),
        "管理者アカウントにサインインできません",
        """お世話になっております。みらい企画の菅原です。

唯一のグローバル管理者アカウントがロックされてしまい、
MFA のリセットもできない状態です。サインインできないため、
ユーザー管理も請求書の確認もできません。

Microsoft のサポートでないと解除できないと聞きました。
至急、マイクロソフトへの問い合わせをお願いします。

菅原
""",
        batch=H4,
    ),
]


H5 = "holdout-5"

GMAIL_QUOTE_EN = "\nOn {date}, Billing Support <billing@cloudpartner.example> wrote:\n"

HOLDOUT_5: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h5-en-billing-subsidiary.eml",
        "billing",
        "a new subsidiary: can it be invoiced separately",
        ("Caroline Baptiste", "c.baptiste@meridianfoods.example"),
        "Separate invoicing for new subsidiary",
        """Hi,

We have just set up a subsidiary, Meridian Foods Logistics Ltd, which will use 15 of our
existing Microsoft 365 seats. For tax reasons they need their own invoices, addressed to
their own entity and VAT number.

Is it possible to split those 15 seats onto a separate billing account, and what
information do you need from us?

Thanks,
Caroline
""",
        batch=H5,
    ),
    M(
        "h5-en-billing-bank-details.eml",
        "billing",
        "non-native English: asks for bank account and SWIFT code to remit payment",
        ("Nguyen Van Thanh", "thanh.nguyen@saigonprint.example"),
        "Bank account for remittance",
        """Dear Sir/Madam,

Please kindly advise the bank account information for remit the payment of attached
invoice. Our finance department need the SWIFT code and the bank address also, because
this is first time we pay to Japan.

Thank you and best regards,
Nguyen Van Thanh
Saigon Print Co., Ltd
""",
        status="active",
        attach=(("INV-2024-08233.pdf", "application/pdf"),),
        batch=H5,
    ),
    M(
        "h5-en-billing-receipt-over-dispute.eml",
        "billing",
        "asks for a receipt; the quoted old thread was about a double charge being refunded",
        ("Mark Feldman", "mark@feldmanarchitects.example"),
        "Re: Double charge on our card",
        """Hi again,

One more thing - could you email me a receipt for the July payment? I need it for
our expense system.

Mark
"""
        + GMAIL_QUOTE_EN.format(date="Thu, 4 Jul 2024 at 11:20")
        + """> Dear Mark,
> We have confirmed the double charge on your card and a refund of USD 640.00 has been
> issued. We apologise for the error.
> Billing Support
""",
        batch=H5,
    ),
    M(
        "h5-en-billing-renewal-quote-html.eml",
        "billing",
        "HTML-only: asks for a 3-year renewal quote and whether the price will change",
        ("Procurement Team", "procurement@eastlakeuni.example"),
        "Renewal quote - 120 seats",
        """<html><body>
<p>Hello,</p>
<p>Our Microsoft 365 A3 agreement renews on 1 October. Please could you send us a
quote for renewing <b>120 seats</b> for three years, and let us know whether the
per-seat price will change compared with the current term?</p>
<p>We need the quote by the end of August for our budget committee.</p>
<p>Regards,<br>Procurement Team<br>Eastlake University</p>
</body></html>""",
        fmt="html",
        batch=H5,
    ),
    M(
        "h5-en-billing-refund-policy.eml",
        "billing",
        "asks about the refund policy when reducing seats on an annual commitment",
        ("Jonas Berg", "jonas.berg@fjordconsult.example"),
        "Reducing seats mid-term",
        """Hi,

What is your refund policy if we reduce seats on an annual commitment? I read that
Microsoft changed the rules for cancellations and reductions last year, so I'm not sure
what applies to us now. We may go from 60 to 45 users in October.

Cheers,
Jonas Berg
Fjord Consulting AS
""",
        batch=H5,
    ),
    M(
        "h5-en-billing-marketplace-line.eml",
        "billing",
        "asks what a marketplace line on the invoice is; curious, wants to understand before approving",
        ("Alicia Romero", "alicia.romero@casaverde.example"),
        "What is this line on the invoice?",
        """Hi team,

There's a line on our August invoice called "Azure Marketplace - third party" for
$89.00. I don't remember what that relates to. Could you tell me which product it is
for? I just want to understand it before I approve the invoice for payment.

Thanks!
Alicia
""",
        fmt="utf8-qp",
        batch=H5,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h5-ja-billing-bank-change-check.eml",
        "billing",
        "ISO-2022-JP: 振込先口座変更のメールが本物か確認したい",
        ("大野 亮子", "r.ohno@hikari-shika.example"),
        "振込先口座変更のご連絡について",
        """クラウドパートナー株式会社
ご担当者様

いつもお世話になっております。ひかり歯科の大野でございます。

本日、貴社名で「振込先口座が変更になりました」というメールが届きました。
念のため確認させていただきたいのですが、こちらは貴社から送信されたもので
間違いございませんでしょうか。

最近このような詐欺メールが多いと聞きますので、お手数ですがご確認をお願いいたします。
"""
        + sig_ja("医療法人ひかり歯科", "事務", "大野 亮子", "6140"),
        fmt="iso2022",
        batch=H5,
    ),
    M(
        "h5-ja-billing-e-invoice.eml",
        "billing",
        "Shift_JIS: 電子帳簿保存法対応のため請求書を電子データで受け取りたい",
        ("栗原 修", "o.kurihara@marumi-shoji.example"),
        "請求書の電子化について",
        """ご担当者様

丸美商事の栗原です。いつもお世話になっております。

電子帳簿保存法への対応のため、来月分以降の請求書を紙ではなく
PDF（電子データ）でお送りいただくことは可能でしょうか。
また、可能であれば過去12か月分のPDFもいただけますと助かります。

よろしくお願いいたします。
"""
        + sig_ja("丸美商事株式会社", "経理課", "栗原 修", "2718"),
        fmt="sjis",
        batch=H5,
    ),
    M(
        "h5-ja-billing-budget-quote.eml",
        "billing",
        "来期予算用の見積依頼",
        ("沢田 奈々", "n.sawada@kouyou-gakuin.example"),
        "来年度予算用のお見積りのお願い",
        """お世話になっております。紅葉学院の沢田です。

来年度の予算編成のため、以下の内容でお見積りをいただけますでしょうか。

・Microsoft 365 E3　50ユーザー（年間契約）
・Microsoft 365 Copilot　10ユーザー（年間契約）

為替の変動がある場合は、その前提も併せてお知らせください。
9月10日頃までにいただけますと幸いです。

沢田
""",
        batch=H5,
    ),
    M(
        "h5-ja-billing-breakdown-forwarded-html.eml",
        "billing",
        "HTML-only: 社内からの質問を転送し、Azure利用料の内訳を尋ねる",
        ("川口 悟", "s.kawaguchi@tsubame-sys.example"),
        "Fw: Azure利用料の内訳",
        """<html><body>
<p>クラウドパートナー ご担当者様</p>
<p>お世話になっております。つばめシステムの川口です。<br>
社内から下記の質問がありました。7月分のAzure利用料について、
サービスごとの内訳をいただくことはできますでしょうか。</p>
<p>---------- 転送メッセージ ----------<br>
差出人: 部長 本田<br>
件名: Azure利用料の内訳<br><br>
川口さん、7月のAzureの請求、どのサービスにいくらかかっているか分かる資料ある？
来週の会議で説明したいので。</p>
</body></html>""",
        fmt="html",
        batch=H5,
    ),
    M(
        "h5-ja-billing-dept-change-quoted.eml",
        "billing",
        "請求書の宛先部署変更。引用部分は過去の障害・エスカレーションのやり取り",
        ("今井 健司", "k.imai@sanyo-kikai.example"),
        "RE: 【障害】Exchange Online 送受信不可の件",
        """ご担当者様

先日は迅速にご対応いただきありがとうございました。

別件で恐縮ですが、10月より組織変更があり、請求書の宛先部署が
「情報システム部」から「DX推進部」に変わります。
次回の請求書から変更をお願いできますでしょうか。

今井
"""
        + OUTLOOK_JA.format(
            date="2024年7月2日 16:45",
            to="今井 健司 <k.imai@sanyo-kikai.example>",
            subject="【障害】Exchange Online 送受信不可の件",
        )
        + """
今井様

本件、マイクロソフトへエスカレーションいたしました。
障害の原因が判明し次第、ご連絡いたします。
""",
        batch=H5,
    ),
    M(
        "h5-ja-billing-mixed-card.eml",
        "billing",
        "英語混じり: invoice の支払いを credit card に変えたい、手数料は？",
        ("Haruka Nishida", "haruka@blue-ocean-design.example"),
        "支払い方法の変更",
        """Hi,

今 invoice を振込で払ってるんですが、来月から credit card 払いに変えたいです。
card 払いだと手数料（surcharge）ってかかりますか？
手続き方法も教えてください。

Haruka
""",
        batch=H5,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h5-en-disputes-leavers.eml",
        "disputes",
        "charged for six accounts of people who left in April and were deleted",
        ("Sandra Wu", "sandra.wu@pacificdental.example"),
        "Charges for deleted users",
        """Hello,

We're being charged for 6 accounts belonging to people who left the company in April.
We deleted those users in the admin center the same week (I can send screenshots).

The May, June and July invoices all include them. Please credit us for these 18
licence-months.

Regards,
Sandra Wu
Office Manager, Pacific Dental Group
""",
        batch=H5,
    ),
    M(
        "h5-en-disputes-two-debits.eml",
        "disputes",
        "bank statement shows two debits of the same amount; only one invoice was due",
        ("Henrik Larsen", "henrik.larsen@nordlysdesign.example"),
        "Two direct debits on 1 August",
        """Hi,

Our bank statement shows two direct debits of EUR 1,150.00 from CloudPartner on
1 August. Only one invoice (INV-2024-07940) was due. Please return the second debit
to our account.

Henrik Larsen
Nordlys Design ApS
""",
        fmt="utf8-qp",
        batch=H5,
    ),
    M(
        "h5-en-disputes-quoted-price-html.eml",
        "disputes",
        "HTML-only: the quote said $18/user, the invoice says $22/user; reissue at the quoted price",
        ("Paul Turner", "paul.turner@brookfieldhomes.example"),
        "Invoice does not reflect quote Q-2291",
        """<div><p>Hi,</p>
<p>The quote you sent us in May (Q-2291) was <b>$18 per user per month</b> for Business
Premium, and we signed it. The July invoice charges <b>$22 per user per month</b>.</p>
<p>Please reissue the invoice at the quoted price.</p>
<p>Paul Turner<br>Finance Director, Brookfield Homes</p></div>""",
        fmt="html",
        batch=H5,
    ),
    M(
        "h5-en-disputes-angry-azure.eml",
        "disputes",
        "angry, short: $5,600 Azure charge although everything was turned off; won't pay",
        ("Rick Dalton", "rick@daltonmotors.example"),
        "WHAT IS THIS",
        """$5,600 for Azure?? We turned off every VM in June, nobody here used anything in
July. I'm not paying this. Call me.

Rick
Sent from my iPhone
""",
        batch=H5,
    ),
    M(
        "h5-en-disputes-trial-charge.eml",
        "disputes",
        "only signed up for a free trial, never converted; now a charge on the card",
        ("Emily Hart", "emily.hart@hartandco.example"),
        "Charge for Power BI Premium",
        """Hello,

We only signed up for the free trial of Power BI Premium in June to test it, and never
converted it to a paid subscription. Now there is a charge of $4,995.00 on our company
card from you.

Please cancel that subscription and refund the charge.

Emily Hart
Hart & Co Accountants
""",
        batch=H5,
    ),
    M(
        "h5-en-disputes-jct-applied.eml",
        "disputes",
        "consumption tax charged although reverse charge applies; wants reissue and refund",
        ("Laura Bianchi", "l.bianchi@milanotessuti.example"),
        "Japanese consumption tax on our invoices",
        """Dear Billing team,

You have added 10% Japanese consumption tax to our last four invoices. As an overseas
company under the reverse-charge arrangement in our contract, we should not be charged
JCT at all.

Please reissue the invoices without the tax and refund the tax amounts we have paid
(JPY 86,400 in total).

Kind regards,
Laura Bianchi
Milano Tessuti S.p.A.
""",
        batch=H5,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h5-ja-disputes-quantity-iso2022.eml",
        "disputes",
        "ISO-2022-JP: 請求数量が実際の契約数を上回っている（丁寧語）",
        ("堀 正人", "m.hori@shiroyama-seiko.example"),
        "8月分ご請求の数量について",
        """クラウドパートナー株式会社
ご請求ご担当者様

平素より大変お世話になっております。城山精工の堀でございます。

8月分のご請求書を拝見いたしましたところ、Microsoft 365 Business Standard の
数量が80となっておりましたが、弊社の契約数は65でございます。
6月に15ライセンスを減らす手続きを行い、ご担当の方からも完了のご連絡をいただいております。

つきましては、正しい数量でのご請求書を再発行いただけますようお願い申し上げます。
"""
        + sig_ja("城山精工株式会社", "総務部", "堀 正人", "3921"),
        fmt="iso2022",
        batch=H5,
    ),
    M(
        "h5-ja-disputes-card-twice-sjis.eml",
        "disputes",
        "Shift_JIS: 同じ月の利用料がカードから2度引き落とされている",
        ("武田 恵子", "k.takeda@hanabi-ryokan.example"),
        "カードの引き落としが2回あります",
        """ご担当者様

花火旅館の武田です。

カードの利用明細を確認したところ、7月分の利用料（33,000円）が
7月5日と7月8日の2度、引き落とされておりました。
7月分の請求は1回のはずですので、1回分を返金していただけますでしょうか。

明細のコピーを添付いたします。
"""
        + sig_ja("有限会社花火旅館", "帳場", "武田 恵子", "1357"),
        fmt="sjis",
        attach=(("card_statement.pdf", "application/pdf"),),
        batch=H5,
    ),
    M(
        "h5-ja-disputes-auto-renewed.eml",
        "disputes",
        "契約終了の通知を出したのに自動更新され請求された",
        ("小松 直樹", "n.komatsu@ao-sora-tech.example"),
        "自動更新による請求について",
        """お世話になっております。青空テックの小松です。

Dynamics 365 については、5月の時点で「6月末の契約満了をもって更新しない」旨を
書面でお送りしております。
にもかかわらず、7月に自動更新され、年額 1,188,000円 が請求されています。

更新は当社の意思に反するものですので、請求を取り消していただきますようお願いします。

小松 直樹
株式会社青空テック
""",
        batch=H5,
    ),
    M(
        "h5-ja-disputes-quote-mismatch-html.eml",
        "disputes",
        "HTML-only: 見積書と請求書の金額が一致しない。差額の説明と訂正を求める",
        ("杉山 和美", "k.sugiyama@fuji-kensetsu.example"),
        "お見積額とご請求額の不一致について",
        """<html><body>
<p>クラウドパートナー株式会社 御中</p>
<p>いつもお世話になっております。富士建設の杉山でございます。</p>
<p>7月分のご請求書の金額（462,000円）が、事前にいただいたお見積書の金額（396,000円）と
一致いたしません。追加のご注文はしておりません。</p>
<p>差額についてご説明いただき、正しい金額での請求書に訂正をお願いいたします。</p>
<p>富士建設株式会社<br>経理部 杉山 和美</p>
</body></html>""",
        fmt="html",
        batch=H5,
    ),
    M(
        "h5-ja-disputes-mixed-defender.eml",
        "disputes",
        "英語混じり: 契約していない Defender の charge が invoice に入っている",
        ("Kenta Aoki", "kenta.aoki@polaris-games.example"),
        "Invoice に謎の Defender",
        """お疲れ様です。Polaris Games の青木です。

先月の invoice に "Microsoft Defender for Endpoint P2 x 40" の charge が
入ってますが、うちは Defender は契約してません。
誰かが間違えて発注したとかでもないです。

この行を削除した invoice を出し直してください。

Kenta
""",
        batch=H5,
    ),
    M(
        "h5-ja-disputes-forwarded-finance.eml",
        "disputes",
        "財務部からの指摘を転送: 単価が契約書と違う",
        ("石原 裕子", "y.ishihara@kitakaze-hd.example"),
        "Fwd: クラウド利用料の単価について",
        """クラウドパートナー ご担当者様

お世話になっております。北風ホールディングスの石原です。
財務部から以下の指摘がありましたので転送いたします。
ご確認のうえ、ご回答をお願いいたします。

---------- Forwarded message ---------
From: 財務部 松井 <matsui@kitakaze-hd.example>
Date: 2024年8月6日(火) 14:10
Subject: クラウド利用料の単価について
To: 石原 裕子 <y.ishihara@kitakaze-hd.example>

石原さん
クラウドパートナーの請求書ですが、E3の単価が4,500円で計算されています。
契約書では3,910円です。過去3か月分すべて同じなので、差額を返金してもらってください。
松井
""",
        batch=H5,
    ),
    # ------------------------------------------------------------------ collections (en)
    M(
        "h5-en-collections-half-now.eml",
        "collections",
        "cannot cover this month's invoice in full; pay half now, rest in September",
        ("Gina Morales", "gina@moralescatering.example"),
        "This month's invoice",
        """Hi,

Business has been really slow this summer and we can't cover this month's invoice in
full. Would it be OK if we pay half now and the rest in September? I'd really rather
not lose our email in the middle of wedding season.

Thanks for understanding,
Gina
Morales Catering
""",
        batch=H5,
    ),
    M(
        "h5-en-collections-second-reminder-reply.eml",
        "collections",
        "Outlook reply to a second reminder: AP runs twice a month, payment next week",
        ("Brian O'Neill", "brian.oneill@shamrockfreight.example"),
        "RE: Second reminder: invoice INV-2024-06120 overdue",
        """Hi,

Payment for this was scheduled for the 15th - our AP only runs twice a month. It will
reach you next week.

Brian
"""
        + OUTLOOK_EN.format(
            date="Monday, August 5, 2024 9:00 AM",
            to="Brian O'Neill <brian.oneill@shamrockfreight.example>",
            subject="Second reminder: invoice INV-2024-06120 overdue",
        )
        + """
Dear customer,

This is a second reminder that invoice INV-2024-06120 (USD 2,975.00) is now 45 days
overdue. Please arrange payment immediately to avoid suspension of your services.
""",
        status="delinquent",
        batch=H5,
    ),
    M(
        "h5-en-collections-suspension-warning-html.eml",
        "collections",
        "HTML-only: warned of suspension on Friday for an outstanding balance; paying today",
        ("Adam Kowalski", "adam.k@vistulaengineering.example"),
        "Please don't suspend our account",
        """<html><body>
<p>Hello,</p>
<p>We got an email saying our Microsoft 365 will be suspended on Friday because of an
outstanding balance of $2,340.00. We are processing the payment today.</p>
<p>Please don't suspend us - we have a major tender due next week and can't be without
email.</p>
<p>Adam Kowalski<br>Vistula Engineering</p>
</body></html>""",
        fmt="html",
        status="delinquent",
        batch=H5,
    ),
    M(
        "h5-en-collections-old-invoices.eml",
        "collections",
        "new finance manager found old invoices never paid; asks for everything open to settle up",
        ("Ruth Adeyemi", "ruth.adeyemi@lagosbridge.example"),
        "Unpaid invoices from last year",
        """Good afternoon,

I joined Lagos Bridge Consulting as finance manager last month and I'm cleaning up our
payables. I found a few of your invoices from last year that were never paid - it looks
like they fell between two systems.

Could you send me a list of everything that's still open on our account, so we can
settle up in one go?

Ruth Adeyemi
Finance Manager
""",
        batch=H5,
    ),
    M(
        "h5-en-collections-autopay-failed.eml",
        "collections",
        "auto-payment for July failed (expired card); new card added, asks to retry",
        ("Kevin Brooks", "kevin@brooksbikes.example"),
        "July payment failed",
        """Hi,

Got a notice that the automatic payment for July failed. I think our card expired at
the end of June. I've added the new card in your portal this morning - can you retry
the charge, or do I need to pay the July invoice some other way?

Kevin
Brooks Bikes
""",
        batch=H5,
    ),
    M(
        "h5-en-collections-paid-when-back.eml",
        "collections",
        "suspended customer paid the overdue invoices; staff still cannot log in",
        ("Olga Ivanova", "olga.ivanova@baltictrade.example"),
        "Paid - when will service be back?",
        """Hello,

We paid the overdue invoices this morning (bank reference 8812-BT). When will the
service be back? Our staff still can't log in to Outlook or Teams.

Olga Ivanova
Baltic Trade OÜ
""",
        status="suspended",
        batch=H5,
    ),
    # ------------------------------------------------------------------ collections (ja)
    M(
        "h5-ja-collections-late-sjis.eml",
        "collections",
        "Shift_JIS: 今月の支払いが遅れる見込み。15日までに振込",
        ("三浦 博", "h.miura@tsukushi-farm.example"),
        "今月のお支払いについて",
        """ご担当者様

つくし農園の三浦です。

大変申し訳ないのですが、取引先からの入金が遅れている関係で、
今月末のお支払いが間に合わない見込みです。
来月15日までには必ずお振込みいたしますので、それまでお待ちいただけないでしょうか。
"""
        + sig_ja("有限会社つくし農園", "", "三浦 博", "4682"),
        fmt="sjis",
        batch=H5,
    ),
    M(
        "h5-ja-collections-phone-reminder-iso2022.eml",
        "collections",
        "ISO-2022-JP: 電話で支払いの催促を受けた件、本日振込済み",
        ("松本 久美子", "k.matsumoto@hinata-hoiku.example"),
        "お電話の件",
        """クラウドパートナー株式会社
ご担当者様

お世話になっております。ひなた保育園の松本でございます。

本日はお電話をいただきありがとうございました。
ご連絡いただいた6月分のお支払いにつきまして、先ほどお振込みいたしました。
確認が遅くなり、ご迷惑をおかけして申し訳ございません。

ご確認のほど、よろしくお願いいたします。
"""
        + sig_ja("社会福祉法人ひなた保育園", "事務室", "松本 久美子", "7004"),
        fmt="iso2022",
        status="delinquent",
        batch=H5,
    ),
    M(
        "h5-ja-collections-transfer-failed.eml",
        "collections",
        "口座振替ができなかったとの通知。再引き落としはいつか",
        ("岡本 亮", "r.okamoto@mizuho-denki.example"),
        "口座振替不能のお知らせについて",
        """お世話になっております。瑞穂電気の岡本です。

「7月分の口座振替ができませんでした」という通知をいただきました。
口座の変更手続きが間に合っていなかったようです。

再度の引き落としはいつになりますでしょうか。
それとも、今回分はお振込みでお支払いした方がよろしいでしょうか。

岡本
""",
        batch=H5,
    ),
    M(
        "h5-ja-collections-suspension-notice-html.eml",
        "collections",
        "HTML-only: 利用停止の予告を受け取った。支払いは来週になるが停止しないでほしい",
        ("野村 智美", "t.nomura@kirameki-clinic.example"),
        "利用停止のご通知について",
        """<html><body>
<p>クラウドパートナー株式会社<br>ご担当者様</p>
<p>いつもお世話になっております。きらめきクリニックの野村でございます。</p>
<p>本日、「8月20日をもってサービスの利用を停止する」旨のご通知を拝受いたしました。
大変申し訳ございませんが、お支払いは来週の水曜日になる見込みです。</p>
<p>診療に支障が出てしまいますので、何卒停止はお待ちいただけますようお願い申し上げます。</p>
<p>医療法人きらめきクリニック<br>事務長 野村 智美</p>
</body></html>""",
        fmt="html",
        status="delinquent",
        batch=H5,
    ),
    M(
        "h5-ja-collections-mixed-overdue.eml",
        "collections",
        "英語混じり: Overdue の invoice 2件、今週中に払う",
        ("Shun Ogawa", "shun.ogawa@rocket-works.example"),
        "Overdue invoices",
        """お疲れ様です、Rocket Works の小川です。

Overdue になってる invoice 2件（6月分と7月分）、経理の担当が辞めてしまって
放置されてました。すみません！
今週中に2件まとめて払います。

Shun
""",
        batch=H5,
    ),
    M(
        "h5-ja-collections-arrears-keigo.eml",
        "collections",
        "滞っている3か月分の一括支払いが難しく、分割の相談",
        ("西田 昌平", "s.nishida@kaze-no-oka.example"),
        "お支払いのご相談",
        """クラウドパートナー株式会社
ご担当者様

いつも大変お世話になっております。風の丘ペンションの西田でございます。

誠に申し訳ございませんが、5月分から7月分までの3か月分のお支払いが滞っております。
一度にお支払いすることが難しい状況でございまして、
毎月2万円ずつお支払いさせていただくことはできませんでしょうか。

ご迷惑をおかけいたしますが、何卒ご検討のほどよろしくお願い申し上げます。
""",
        status="delinquent",
        batch=H5,
    ),
    # ------------------------------------------------------------------ escalations (en)
    M(
        "h5-en-escalations-onedrive-sync.eml",
        "escalations",
        "OneDrive stopped syncing for ~30 users after an update; asks to open a ticket",
        ("Dan Whitfield", "dan.whitfield@coastalhealth.example"),
        "OneDrive sync broken after update",
        """Hi,

Since yesterday's update, OneDrive has stopped syncing for about 30 of our users.
Files show a red X and the client says "We can't sync this folder right now". The
Microsoft community forum says it's a known issue but there's no fix yet.

Can you open a ticket so this gets looked at properly? It's affecting our clinical
staff.

Dan Whitfield
IT Support, Coastal Health
""",
        batch=H5,
    ),
    M(
        "h5-en-escalations-portal-cost-data.eml",
        "escalations",
        "Azure portal shows charges for a deleted subscription; not on our invoice; portal data needs fixing by Microsoft",
        ("Sophie Laurent", "sophie.laurent@atelierlumiere.example"),
        "Cost data in Azure portal",
        """Hello,

The Azure portal's cost view shows charges for a subscription we deleted in March. It
isn't on your invoice, so there is no problem with your billing - but the portal data
is clearly wrong and it confuses our budget alerts.

Could you get Microsoft to fix the data on their side?

Sophie Laurent
Atelier Lumière
""",
        batch=H5,
    ),
    M(
        "h5-en-escalations-domain-verify.eml",
        "escalations",
        "custom domain will not verify in the tenant; asks to raise it with Microsoft",
        ("Raj Malhotra", "raj@finchlegal.example"),
        "Can't verify our domain",
        """Hi,

We can't verify our custom domain finchlegal.example in the tenant - the admin centre
keeps saying the TXT record can't be found, even 48 hours after we added it. Our DNS
provider confirms the record is published correctly (nslookup output attached).

Please raise it with Microsoft.

Raj Malhotra
Finch Legal
""",
        attach=(("nslookup.txt", "text/plain"),),
        batch=H5,
    ),
    M(
        "h5-en-escalations-teams-calls-html.eml",
        "escalations",
        "HTML-only: Teams Phone calls drop after 60 seconds for the whole Osaka office",
        ("Network Team", "network@kansai-trading.example"),
        "Teams calls dropping - Osaka office",
        """<html><body>
<p>Hi,</p>
<p>Since Monday every Teams Phone call from our Osaka office drops after about 60
seconds. Internal and external calls, all users, wired and Wi-Fi. Our Tokyo office is
fine. We have checked our firewall and nothing has changed.</p>
<p>We need Microsoft to look at this urgently, sales can't call customers.</p>
<p>Network Team<br>Kansai Trading</p>
</body></html>""",
        fmt="html",
        batch=H5,
    ),
    M(
        "h5-en-escalations-csp-transfer.eml",
        "escalations",
        "licences from the old CSP did not transfer; 80 people cannot open Office",
        ("Greta Holm", "greta.holm@skandiamarine.example"),
        "Licence transfer failed - critical",
        """Hello,

Our licences were supposed to transfer from our previous CSP to you on 1 August. This
morning the tenant shows no licences at all and 80 people can't open Word, Excel or
Outlook.

This is critical for us. Please get this sorted with Microsoft today.

Greta Holm
IT Manager, Skandia Marine
""",
        batch=H5,
    ),
    M(
        "h5-en-escalations-passed-around.eml",
        "escalations",
        "passed between the partner and Microsoft for two weeks; wants someone senior to own it",
        ("Martin Clarke", "martin.clarke@oakfieldhousing.example"),
        "Tenant migration - need someone to own this",
        """I have been passed back and forth between your team and Microsoft for two weeks
about our tenant migration. Each side says the other has to act.

I need someone senior at your company to own this and get it resolved with Microsoft.

Martin Clarke
Head of IT, Oakfield Housing Association
""",
        batch=H5,
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "h5-ja-escalations-outlook-iso2022.eml",
        "escalations",
        "ISO-2022-JP: 全社でOutlookのメールが受信できない",
        ("斎藤 亮", "r.saito@tokiwa-unyu.example"),
        "メールが受信できません",
        """ご担当者様

常盤運輸の斎藤です。

本日朝8時頃から、全社的にOutlookでメールが受信できない状態になっております。
送信はできるようです。マイクロソフトのサービス正常性のページには
特に何も表示されていません。

業務に大きな影響が出ておりますので、至急ご確認をお願いいたします。
"""
        + sig_ja("常盤運輸株式会社", "情報システム課", "斎藤 亮", "5810"),
        fmt="iso2022",
        batch=H5,
    ),
    M(
        "h5-ja-escalations-license-assign-sjis.eml",
        "escalations",
        "Shift_JIS: ライセンス割り当て時に「不足」エラー。空きはあるはず",
        ("片山 純一", "j.katayama@aozora-insatsu.example"),
        "ライセンスの割り当てができません",
        """ご担当者様

青空印刷の片山です。

新入社員にMicrosoft 365 Business Premiumを割り当てようとすると
「利用可能なライセンスが不足しています」と表示され、割り当てられません。
管理画面上は購入数60、割り当て済み52で、空きが8あるはずです。

お手数ですが原因をご確認いただけますでしょうか。
"""
        + sig_ja("青空印刷株式会社", "総務部", "片山 純一", "2460"),
        fmt="sjis",
        batch=H5,
    ),
    M(
        "h5-ja-escalations-azure-vm.eml",
        "escalations",
        "Azure の仮想マシンが起動しない。リージョン側の問題では",
        ("吉川 大樹", "d.yoshikawa@nagisa-soft.example"),
        "Azure仮想マシンが起動しない件",
        """お世話になっております。なぎさソフトの吉川です。

本日昼頃から、東日本リージョンの仮想マシン3台が起動しなくなりました。
ポータルで開始を押しても「割り当てに失敗しました」と表示されます。
当社側の設定は変更しておりません。

リージョン側の問題かもしれませんので、確認していただけますか。

吉川
""",
        batch=H5,
    ),
    M(
        "h5-ja-escalations-copilot-html.eml",
        "escalations",
        "HTML-only: Copilot が有効にならない。メーカーに確認してほしい",
        ("浅野 美穂", "m.asano@yamabuki-sangyo.example"),
        "Copilotが利用できない件",
        """<html><body>
<p>ご担当者様</p>
<p>山吹産業の浅野です。</p>
<p>先月購入したMicrosoft 365 Copilotのライセンスを10名に割り当てましたが、
2週間経ってもWordやTeamsにCopilotのボタンが表示されません。
社内で確認できることはすべて試しました。</p>
<p>お手数ですが、メーカーに確認していただけますでしょうか。</p>
<p>山吹産業株式会社 情報システム部<br>浅野 美穂</p>
</body></html>""",
        fmt="html",
        batch=H5,
    ),
    M(
        "h5-ja-escalations-mixed-intune.eml",
        "escalations",
        "英語混じり: Intune の enrollment が全部 fail。Microsoft に escalation を依頼",
        ("Yusuke Hara", "yusuke.hara@nova-robotics.example"),
        "【至急】Intune enrollment が fail する",
        """お疲れ様です。Nova Robotics の原です。

今朝から Intune の device enrollment が全部 fail してます。
error code は 0x80180014 です。新しい PC 20台のセットアップが止まっています。

至急 Microsoft に escalation お願いします。

Yusuke
""",
        batch=H5,
    ),
    M(
        "h5-ja-escalations-no-progress-keigo.eml",
        "escalations",
        "テナント移行の件で進捗連絡がない。マイクロソフトへの確認状況を知らせてほしい",
        ("藤原 啓介", "k.fujiwara@hoshizora-ginko.example"),
        "テナント移行の進捗について",
        """クラウドパートナー株式会社
ご担当者様

いつもお世話になっております。星空銀行の藤原でございます。

先月よりお願いしておりますテナント移行の件につきまして、
その後のご連絡を一向にいただけておりません。
マイクロソフトへのご確認状況を、至急お知らせいただけますでしょうか。

移行期限が迫っておりますので、何卒よろしくお願い申し上げます。
"""
        + sig_ja("株式会社星空銀行", "システム部", "藤原 啓介", "8800"),
        batch=H5,
    ),
]

H6 = "holdout-6"

HOLDOUT_6: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h6-en-billing-audit-statement.eml",
        "billing",
        "auditors want a statement of account to reconcile invoices and payments; nothing unpaid",
        ("Helen Marsh", "helen.marsh@ridgewayschools.example"),
        "Statement for our auditors",
        """Hello,

Could you send us a statement of account for April 2023 to March 2024? Our external
auditors want to reconcile your invoices against the payments in our ledger. As far as
I know everything has been paid.

Many thanks,
Helen Marsh
Finance Officer, Ridgeway Schools Trust
""",
        status="active",
        batch=H6,
    ),
    M(
        "h6-en-billing-cost-centre-code.eml",
        "billing",
        "wants a cost centre code on the invoice header",
        ("Tariq Aziz", "tariq.aziz@crescentlogistics.example"),
        "Cost centre code on invoices",
        """Hi,

From next month could you add our cost centre code 4410-IT to the invoice header?
Our new ERP routes invoices by that code and anything without it ends up in a
manual queue.

Thanks,
Tariq
""",
        batch=H6,
    ),
    M(
        "h6-en-billing-reply-gbp.eml",
        "billing",
        "reply to our answer: all clear, one more question about paying in GBP",
        ("Fiona Blake", "fiona.blake@thamesgallery.example"),
        "Re: [BILL-77] Invoice question",
        """Thanks, that's all clear now.

One more question - do you accept payment in GBP, or does it have to be in yen?

Fiona

On Tue, 3 Sep 2024 at 10:05, Billing Support <billing@cloudpartner.example> wrote:
> Dear Fiona,
> The difference on your August invoice is the pro-rated cost of the two users you
> added on 14 August.
""",
        batch=H6,
    ),
    M(
        "h6-en-billing-singapore-html.eml",
        "billing",
        "HTML-only: a second office in Singapore; separate invoice in SGD?",
        ("Daniel Tan", "daniel.tan@lotusarchitects.example"),
        "Licences for our Singapore office",
        """<html><body>
<p>Hi team,</p>
<p>We are opening a second office in Singapore in November with about 12 staff. Could the
licences for those users be billed on a separate invoice, in SGD if possible, so our
Singapore entity can pay it directly?</p>
<p>Best regards,<br>Daniel Tan<br>Lotus Architects</p>
</body></html>""",
        fmt="html",
        batch=H6,
    ),
    M(
        "h6-en-billing-cheapest-plan.eml",
        "billing",
        "terse mobile mail: cheapest plan for three email-only users",
        ("Jo Palmer", "jo@palmerflowers.example"),
        "plans",
        """whats the cheapest plan for 3 people who only need email? we dont need teams or
office. thx

Sent from my iPhone
""",
        batch=H6,
    ),
    M(
        "h6-en-billing-sponsorship-credits.eml",
        "billing",
        "Azure sponsorship credits expire; will usage then be billed through the partner",
        ("Leo Fischer", "leo.fischer@startup-kiln.example"),
        "Azure credits expiring",
        """Hi,

Microsoft emailed us that our Azure sponsorship credits expire at the end of October.
After that, will our Azure usage be billed through you on the monthly invoice, and do
we need to do anything to move the subscription over?

Leo Fischer
CTO, Kiln
""",
        batch=H6,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h6-ja-billing-early-invoice-iso2022.eml",
        "billing",
        "ISO-2022-JP: 年度末のため3月分の請求書を早めに発行してほしい",
        ("中島 由美", "y.nakajima@kawase-kogyo.example"),
        "3月分請求書の早期発行のお願い",
        """クラウドパートナー株式会社
ご担当者様

いつもお世話になっております。川瀬工業の中島でございます。

弊社は3月決算のため、3月分の請求書を3月25日までに発行していただくことは
可能でしょうか。金額は概算でも構いません。

ご検討のほど、よろしくお願い申し上げます。
"""
        + sig_ja("川瀬工業株式会社", "経理部", "中島 由美", "3140"),
        fmt="iso2022",
        batch=H6,
    ),
    M(
        "h6-ja-billing-payment-notice-sjis.eml",
        "billing",
        "Shift_JIS: 支払完了の連絡と支払通知書の送付（優良顧客）",
        ("林 大介", "d.hayashi@momiji-shokuhin.example"),
        "お支払い完了のご連絡",
        """ご担当者様

もみじ食品の林です。いつもお世話になっております。

本日、5月分のお支払いを完了いたしましたので、支払通知書を添付いたします。
ご確認のほどよろしくお願いいたします。
"""
        + sig_ja("もみじ食品株式会社", "経理課", "林 大介", "7714"),
        fmt="sjis",
        status="active",
        attach=(("shiharai_tsuchi.pdf", "application/pdf"),),
        batch=H6,
    ),
    M(
        "h6-ja-billing-entity-change.eml",
        "billing",
        "法人格の変更に伴う請求書宛名の変更",
        ("田村 健", "k.tamura@hoshino-design.example"),
        "請求書宛名変更のお願い",
        """お世話になっております。星野デザインの田村です。

10月1日付で組織変更を行い、「株式会社星野デザイン」から
「合同会社星野デザイン」に変わります。
10月分以降の請求書の宛名を新しい社名に変更していただけますでしょうか。
登記簿の写しが必要であればお送りします。

田村
""",
        batch=H6,
    ),
    M(
        "h6-ja-billing-copilot-cost-html.eml",
        "billing",
        "HTML-only: Copilot導入検討。ライセンス費用と最低契約期間を知りたい",
        ("青木 美和", "m.aoki@sakura-hoken.example"),
        "Copilotの費用について",
        """<html><body>
<p>ご担当者様</p>
<p>さくら保険サービスの青木です。</p>
<p>社内でMicrosoft 365 Copilotの導入を検討しております。
1ユーザーあたりの月額費用と、最低契約期間（月単位での契約が可能か）を
教えていただけますでしょうか。</p>
<p>よろしくお願いいたします。</p>
</body></html>""",
        fmt="html",
        batch=H6,
    ),
    M(
        "h6-ja-billing-mixed-budget-alert.eml",
        "billing",
        "英語混じり: 請求額が一定額を超えたら通知できるか（予算アラート）",
        ("Riku Tanaka", "riku.tanaka@kumo-apps.example"),
        "Azure の請求額アラート",
        """お疲れ様です。Kumo Apps の田中です。

Azure の請求額が月 50万円を超えそうになったら、経理にメールで通知が行くように
したいのですが、budget alert みたいな設定はできますか？
できるなら設定方法を教えてください。

Riku
""",
        batch=H6,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h6-en-disputes-cancelled-plan.eml",
        "disputes",
        "cancelled Exchange Plan 2 in writing; April and May invoices still include it",
        ("George Hill", "george.hill@hillsidevets.example"),
        "Exchange Plan 2 still on invoices",
        """Hi,

We cancelled our Exchange Online Plan 2 licences in writing on 12 March (our email and
your confirmation attached). Your April and May invoices still include them.

Please remove them and credit the two months.

George Hill
Practice Manager, Hillside Vets
""",
        attach=(("cancellation_confirmation.pdf", "application/pdf"),),
        batch=H6,
    ),
    M(
        "h6-en-disputes-premium-support.eml",
        "disputes",
        "billed for Premium Support since January; never asked for it",
        ("Naomi Clarke", "naomi.clarke@ashfordlibrary.example"),
        "Premium Support charges",
        """Hello,

We've been billed for "Premium Support" at $450 a month since January. We never asked
for premium support, and nobody here knew about it until our audit last week.

I'd like these charges reversed for all eight months.

Naomi Clarke
Ashford Library Services
""",
        batch=H6,
    ),
    M(
        "h6-en-disputes-price-promise.eml",
        "disputes",
        "July invoice at the new list price although the renewal letter promised no change until 2025",
        ("Robert King", "robert.king@kingsway-insure.example"),
        "Price on July invoice",
        """Hi,

The July invoice charges our 40 seats at the new list price. Your own renewal letter in
March promised that our price would stay the same until March 2025. I've attached it.

Please honour that and reissue the invoice.

Robert King
Operations Director, Kingsway Insurance Brokers
""",
        attach=(("renewal_letter_2024.pdf", "application/pdf"),),
        batch=H6,
    ),
    M(
        "h6-en-disputes-formal-html.eml",
        "disputes",
        "HTML-only formal notice raising a dispute about an invoice",
        ("Accounts Payable", "ap@northbaymedical.example"),
        "Dispute - INV-2024-09102",
        """<html><body>
<p>To CloudPartner Billing,</p>
<p>We are raising a dispute regarding invoice INV-2024-09102 (USD 7,840.00). The invoice
bills 112 Microsoft 365 E3 licences; our signed order form is for 84.</p>
<p>Please provide a corrected invoice. The undisputed portion will be paid by the due
date.</p>
<p>Accounts Payable<br>North Bay Medical Group</p>
</body></html>""",
        fmt="html",
        batch=H6,
    ),
    M(
        "h6-en-disputes-card-vs-invoice.eml",
        "disputes",
        "card was charged $200 more than the invoice; asks for the extra back",
        ("Sam Ortiz", "sam.ortiz@ortizbakery.example"),
        "Card charge doesn't match invoice",
        """Hi,

Your card charge on 2 September was $1,230.00 but the invoice for that month says
$1,030.00. Why the extra $200? Please refund it.

Sam
Ortiz Bakery
""",
        batch=H6,
    ),
    M(
        "h6-en-disputes-rooms-typos.eml",
        "disputes",
        "typos: billed for 12 Teams Rooms licences, they have 2 rooms",
        ("Wes Parker", "wes@parkermotors.example"),
        "teams rooms licences??",
        """hi

we got billed for 12 Teams Rooms licenses but we have 2 rooms. pls fix asap, finance is
asking questions and i cant explain it

wes
""",
        batch=H6,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h6-ja-disputes-cancelled-dynamics-iso2022.eml",
        "disputes",
        "ISO-2022-JP: 先月解約した Dynamics 365 が今月の請求にも含まれている。返金を依頼",
        ("森田 浩", "h.morita@aoi-trading.example"),
        "解約済みサービスのご請求について",
        """クラウドパートナー株式会社
ご担当者様

いつもお世話になっております。葵トレーディングの森田でございます。

先月解約の手続きを完了いたしましたDynamics 365 Sales（10ライセンス）が、
今月のご請求にも含まれております。
ご確認の上、該当分のご返金をお願いいたします。
"""
        + sig_ja("株式会社葵トレーディング", "管理部", "森田 浩", "6611"),
        fmt="iso2022",
        batch=H6,
    ),
    M(
        "h6-ja-disputes-tax-calc-sjis.eml",
        "disputes",
        "Shift_JIS: 消費税額の計算が間違っている",
        ("久保 真由美", "m.kubo@shiosai-hotel.example"),
        "請求書の消費税額について",
        """ご担当者様

潮騒ホテルの久保です。

8月分の請求書の消費税額の計算が間違っています。
税抜金額 120,000円 に対して、消費税が 14,000円 となっていますが、
10%であれば 12,000円 のはずです。

ご確認のうえ、修正した請求書をお送りください。
"""
        + sig_ja("株式会社潮騒ホテル", "経理", "久保 真由美", "4488"),
        fmt="sjis",
        batch=H6,
    ),
    M(
        "h6-ja-disputes-not-our-subscription.eml",
        "disputes",
        "弊社のものではないAzureサブスクリプションの料金が請求されている",
        ("遠藤 拓海", "t.endo@midorino-soft.example"),
        "身に覚えのないサブスクリプション",
        """お世話になっております。みどりのソフトの遠藤です。

今月の請求書に、Azureサブスクリプション「Prod-East-02」の利用料 84,300円 が
含まれていますが、弊社ではこのサブスクリプションを利用しておりません。
弊社のものではないと思われます。

ご確認をお願いいたします。

遠藤
""",
        batch=H6,
    ),
    M(
        "h6-ja-disputes-price-up-html.eml",
        "disputes",
        "HTML-only: 連絡なく単価が上がっている。旧単価での再請求を求める",
        ("佐野 直美", "n.sano@kotobuki-clinic.example"),
        "ライセンス単価について",
        """<html><body>
<p>クラウドパートナー株式会社<br>ご担当者様</p>
<p>寿クリニックの佐野でございます。</p>
<p>今月のご請求書で、ライセンスの単価が前回のご案内より上がっておりますが、
値上げについてのご連絡はいただいておりません。</p>
<p>旧単価での再請求をお願いいたします。</p>
</body></html>""",
        fmt="html",
        batch=H6,
    ),
    M(
        "h6-ja-disputes-mixed-seats.eml",
        "disputes",
        "英語混じり: Teams Premium が30 seats で請求、実際は10 seats。差額の credit を依頼",
        ("Mao Kimura", "mao.kimura@hikari-studio.example"),
        "Teams Premium の seats",
        """Billing team

8月の invoice、Teams Premium が 30 seats になってますが、
実際に assign してるのは 10 seats だけです。追加の order もしていません。
差額分の credit をお願いします。

Mao
""",
        batch=H6,
    ),
    # ------------------------------------------------------------------ collections (en)
    M(
        "h6-en-collections-disabled-paid-friday.eml",
        "collections",
        "subscription disabled this morning; paid on Friday, maybe not cleared",
        ("Ian Moss", "ian.moss@mossandpartners.example"),
        "Microsoft 365 stopped working",
        """Hi,

Our Microsoft 365 stopped working this morning with a message that the subscription is
disabled. We paid invoice INV-2024-07760 on Friday - maybe it hasn't cleared yet?

Can you switch us back on? Nobody can get to their email.

Ian Moss
Moss & Partners
""",
        status="suspended",
        batch=H6,
    ),
    M(
        "h6-en-collections-charity-monthly.eml",
        "collections",
        "small charity cannot afford the outstanding annual invoice in one go; asks for monthly payments",
        ("Ruth Bennett", "ruth.bennett@hopehouse.example"),
        "Annual invoice - monthly payments?",
        """Dear CloudPartner,

We're a small charity and this year we can't afford to pay the annual invoice in one
go. Would it be possible to pay the outstanding amount in monthly payments over the
next six months instead?

Kind regards,
Ruth Bennett
Hope House Trust
""",
        status="delinquent",
        batch=H6,
    ),
    M(
        "h6-en-collections-director-away.eml",
        "collections",
        "apology for the delay on the June invoice: only the director approves payments; paid Monday",
        ("Karen Doyle", "karen.doyle@doylejoinery.example"),
        "June invoice",
        """Hi,

Sorry for the delay on the June invoice - our director has been away and he's the only
one who can approve payments. It'll be paid on Monday.

Karen
Doyle Joinery
""",
        batch=H6,
    ),
    M(
        "h6-en-collections-suspension-notice-reply-html.eml",
        "collections",
        "HTML-only reply to a suspension notice: payment wired today, please keep the account active",
        ("Pedro Alves", "pedro.alves@lisbonimports.example"),
        "RE: Notice of suspension",
        """<html><body>
<p>Hello,</p>
<p>We received your notice. Payment of $1,480.00 has been sent today by wire
(reference LI-20240912). Please confirm that our account will remain active.</p>
<p>Pedro Alves<br>Lisbon Imports</p>
</body></html>""",
        fmt="html",
        status="delinquent",
        batch=H6,
    ),
    M(
        "h6-en-collections-final-reminder-paying.eml",
        "collections",
        "received the final reminder; stuck in approval, paying today",
        ("Liam Walsh", "liam.walsh@walshprinting.example"),
        "Final reminder INV-2024-04418",
        """Hi,

Received your final reminder for INV-2024-04418 - entirely our fault, it got stuck in
our approval workflow. We're paying it today.

Liam Walsh
Walsh Printing
""",
        batch=H6,
    ),
    M(
        "h6-en-collections-total-with-fees.eml",
        "collections",
        "delinquent customer asks for the total owed including late fees to clear it",
        ("Anita Rao", "anita.rao@raotextiles.example"),
        "Total amount",
        """Hello,

Can you tell me the total we owe you including the late fees? I'd like to clear it all
this week.

Anita Rao
Rao Textiles
""",
        status="delinquent",
        batch=H6,
    ),
    # ------------------------------------------------------------------ collections (ja)
    M(
        "h6-ja-collections-forgot-iso2022.eml",
        "collections",
        "ISO-2022-JP: 7月分の支払いを失念していた。本日中に振込",
        ("大西 恵", "m.onishi@hanazono-en.example"),
        "7月分お支払いの件",
        """クラウドパートナー株式会社
ご担当者様

花園園芸の大西でございます。

7月分のお支払いを失念しておりました。大変失礼いたしました。
本日中にお振込みいたしますので、何卒よろしくお願い申し上げます。
"""
        + sig_ja("有限会社花園園芸", "", "大西 恵", "2203"),
        fmt="iso2022",
        batch=H6,
    ),
    M(
        "h6-ja-collections-defer-sjis.eml",
        "collections",
        "Shift_JIS: 資金繰りの関係で今月の支払いを来月末まで延ばしてほしい",
        ("木下 修二", "s.kinoshita@kinoshita-seisakusho.example"),
        "お支払い時期のご相談",
        """ご担当者様

木下製作所の木下です。

誠に申し訳ございませんが、資金繰りの関係で、今月のお支払いを
来月末まで延ばしていただくことはできないでしょうか。
来月末には確実にお支払いいたします。
"""
        + sig_ja("株式会社木下製作所", "", "木下 修二", "5125"),
        fmt="sjis",
        batch=H6,
    ),
    M(
        "h6-ja-collections-cannot-login-paid.eml",
        "collections",
        "ログインできなくなった。未払いがあったようで振り込んだので復旧してほしい",
        ("村田 翼", "t.murata@aozora-kobo.example"),
        "ログインできません",
        """あおぞら工房の村田です。

今朝からOutlookにもTeamsにもログインできなくなりました。
確認したところ未払いがあったようで、先ほど振り込みました。
早急に復旧をお願いします。

村田
""",
        status="suspended",
        batch=H6,
    ),
    M(
        "h6-ja-collections-tokusoku-html.eml",
        "collections",
        "HTML-only: 督促状が届いた。担当交代で処理漏れ、金曜に全額支払う",
        ("荒井 智子", "t.arai@shirakaba-kai.example"),
        "督促状の件",
        """<html><body>
<p>クラウドパートナー株式会社 御中</p>
<p>白樺会の荒井でございます。</p>
<p>督促状が届きましたが、経理担当者の交代に伴い、処理が漏れておりました。
大変申し訳ございません。</p>
<p>今週金曜日に全額お支払いいたします。</p>
</body></html>""",
        fmt="html",
        status="delinquent",
        batch=H6,
    ),
    M(
        "h6-ja-collections-mixed-unpaid.eml",
        "collections",
        "英語混じり: 残高不足で8月分が unpaid。振込で払うので振込先を教えて",
        ("Kaito Sugimoto", "kaito@sugimoto-lab.example"),
        "8月分 unpaid の件",
        """お世話になってます。Sugimoto Lab の杉本です。

口座振替が残高不足で 8月分が unpaid になってるとの連絡をもらいました。
すぐ振込で払いますので、振込先を教えてください。

杉本
""",
        batch=H6,
    ),
    # ------------------------------------------------------------------ escalations (en)
    M(
        "h6-en-escalations-junk-folder.eml",
        "escalations",
        "outbound mail lands in junk; Microsoft's outbound IPs look blocklisted",
        ("Chloe Evans", "chloe.evans@evansdental.example"),
        "Our emails going to spam",
        """Hi,

Since Tuesday, emails from our domain are landing in recipients' junk folders - Gmail,
Yahoo, everyone. Our SPF and DKIM records pass. The headers show the mail left from
Microsoft's servers, and one of their outbound IPs is on a blocklist.

Can you get Microsoft to look into it?

Chloe Evans
Evans Dental Care
""",
        batch=H6,
    ),
    M(
        "h6-en-escalations-reservation.eml",
        "escalations",
        "Azure reservation bought through the partner is not applied to the VMs; reservation scope needs fixing by Microsoft",
        ("Victor Chen", "victor.chen@harbourgames.example"),
        "Reserved instance not being applied",
        """Hi,

The Azure Reserved VM Instance we bought through you last month isn't being applied to
our VMs - the usage still shows pay-as-you-go rates for all eight D8s v5 machines. The
reservation shows 0% utilisation in the portal.

I think the reservation scope is broken on Microsoft's side; it needs fixing there.

Victor Chen
Harbour Games
""",
        batch=H6,
    ),
    M(
        "h6-en-escalations-recordings.eml",
        "escalations",
        "Teams meeting recordings fail to upload for the whole tenant",
        ("Priya Shah", "priya.shah@brightpathlearning.example"),
        "Teams recordings not saving",
        """Hello,

Teams meeting recordings stopped saving to OneDrive for our whole tenant on Monday.
Every meeting now ends with "Recording failed to upload". Our trainers depend on these
recordings for students who miss sessions.

Priya Shah
Bright Path Learning
""",
        batch=H6,
    ),
    M(
        "h6-en-escalations-powerbi-html.eml",
        "escalations",
        "HTML-only: Power BI Premium capacity throttled at low load; Microsoft must check the backend",
        ("Data Team", "data@northridgeretail.example"),
        "Power BI Premium capacity throttling",
        """<html><body>
<p>Hi,</p>
<p>Our Power BI Premium P1 capacity has been throttled constantly for a week, even at
night when the load is under 20%. Reports take minutes to open. The capacity metrics app
shows nothing that explains it.</p>
<p>We believe Microsoft support needs to check the capacity on their backend.</p>
<p>Data Team<br>Northridge Retail</p>
</body></html>""",
        fmt="html",
        batch=H6,
    ),
    M(
        "h6-en-escalations-site-restore.eml",
        "escalations",
        "needs a Microsoft case for a SharePoint site restore beyond the recycle bin",
        ("Tom Reed", "tom.reed@reedconsulting.example"),
        "Deleted SharePoint site - restore",
        """Hi,

A user deleted our Projects SharePoint site about 20 days ago and the site recycle bin
is already empty. We need a Microsoft support case opened to restore it from their
backups, if that's still possible.

Tom Reed
Reed Consulting
""",
        batch=H6,
    ),
    M(
        "h6-en-escalations-heard-nothing.eml",
        "escalations",
        "raised two weeks ago, heard nothing; tenant cannot add users; escalate to a manager and Microsoft",
        ("Alan Brooks", "alan.brooks@brookslegal.example"),
        "Re: [BILL-881] Can't add users",
        """I raised this two weeks ago and have heard nothing since. Our tenant still can't add
new users - the admin centre just spins.

Please escalate this to your manager and to Microsoft.

Alan Brooks
Brooks Legal
""",
        batch=H6,
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "h6-ja-escalations-sharepoint-iso2022.eml",
        "escalations",
        "ISO-2022-JP: SharePoint が開けず「アクセスが拒否されました」。全社員が同じ",
        ("松井 大輔", "d.matsui@tsubaki-sangyo.example"),
        "SharePointにアクセスできません",
        """ご担当者様

椿産業の松井です。

昨日の夕方から、SharePointのサイトを開こうとすると
「アクセスが拒否されました」と表示されます。全社員が同じ状態です。
権限の設定は変更しておりません。

至急ご確認をお願いいたします。
"""
        + sig_ja("椿産業株式会社", "総務部", "松井 大輔", "1919"),
        fmt="iso2022",
        batch=H6,
    ),
    M(
        "h6-ja-escalations-billing-account-error-sjis.eml",
        "escalations",
        "Shift_JIS: 管理センターで「請求先アカウントを読み込めません」エラー",
        ("小島 彩", "a.kojima@kamome-kikaku.example"),
        "管理センターのエラーについて",
        """ご担当者様

かもめ企画の小島です。

Microsoft 365 管理センターの「課金情報」を開くと
「請求先アカウントを読み込めません」というエラーが表示され、
サブスクリプションの内容が確認できません。数日前から同じ状態です。

ご確認いただけますでしょうか。
"""
        + sig_ja("株式会社かもめ企画", "総務", "小島 彩", "3031"),
        fmt="sjis",
        batch=H6,
    ),
    M(
        "h6-ja-escalations-backup-failing.eml",
        "escalations",
        "Azure VM のバックアップが3日前から失敗。マイクロソフトのサポートに問い合わせてほしい",
        ("秋山 亮", "r.akiyama@fuyou-net.example"),
        "Azureバックアップの失敗について",
        """お世話になっております。芙蓉ネットの秋山です。

Azureの仮想マシン（5台）のバックアップが、3日前から毎晩失敗し続けています。
エラーコードは UserErrorGuestAgentStatusUnavailable です。
エージェントの再インストールも試しましたが改善しません。

マイクロソフトのサポートに問い合わせていただけますか。

秋山
""",
        batch=H6,
    ),
    M(
        "h6-ja-escalations-mail-delay-html.eml",
        "escalations",
        "HTML-only: Exchange Online でメール遅延、送信から受信まで2時間以上",
        ("佐藤 健太", "k.sato@hidamari-fudosan.example"),
        "メールの遅延について",
        """<html><body>
<p>ご担当者様</p>
<p>ひだまり不動産の佐藤です。</p>
<p>本日午前から、Exchange Onlineでメールの遅延が発生しており、
社外から送られたメールが届くまでに2時間以上かかっています。
お客様とのやり取りに支障が出ております。</p>
<p>お手数ですが、確認をお願いいたします。</p>
</body></html>""",
        fmt="html",
        batch=H6,
    ),
    M(
        "h6-ja-escalations-mixed-signin-logs.eml",
        "escalations",
        "英語混じり: Entra ID の sign-in logs が消えた。Microsoft 側で復旧できないか確認してほしい",
        ("Nao Fujita", "nao.fujita@meridian-bank.example"),
        "sign-in logs が消えている",
        """お疲れ様です。Meridian Bank の藤田です。

Entra ID の sign-in logs が 9/1〜9/7 の 1 週間分だけ消えてます。
audit で必要なので、Microsoft 側で復旧できないか確認お願いします。

Nao
""",
        batch=H6,
    ),
]

# Batches 7 and 8 live in make_routing_holdout78.py, batch 9 (written after holdout-3 was
# tuned on) in make_routing_holdout9.py, batch 10 (written after holdout-9 was tuned on) in
# make_routing_holdout10.py, and so on up to batch 18, appended so earlier mail keeps its
# bytes.
from make_routing_holdout9 import HOLDOUT_9  # noqa: E402
from make_routing_holdout10 import HOLDOUT_10  # noqa: E402
from make_routing_holdout11 import HOLDOUT_11  # noqa: E402
from make_routing_holdout12 import HOLDOUT_12  # noqa: E402
from make_routing_holdout13 import HOLDOUT_13  # noqa: E402
from make_routing_holdout14 import HOLDOUT_14  # noqa: E402
from make_routing_holdout15 import HOLDOUT_15  # noqa: E402
from make_routing_holdout16 import HOLDOUT_16  # noqa: E402
from make_routing_holdout17 import HOLDOUT_17  # noqa: E402
from make_routing_holdout18 import HOLDOUT_18  # noqa: E402
from make_routing_holdout78 import HOLDOUT_78  # noqa: E402

HOLDOUT: list[M] = [
    *HOLDOUT_4,
    *HOLDOUT_5,
    *HOLDOUT_6,
    *HOLDOUT_78,
    *HOLDOUT_9,
    *HOLDOUT_10,
    *HOLDOUT_11,
    *HOLDOUT_12,
    *HOLDOUT_13,
    *HOLDOUT_14,
    *HOLDOUT_15,
    *HOLDOUT_16,
    *HOLDOUT_17,
    *HOLDOUT_18,
]
