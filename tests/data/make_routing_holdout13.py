"""Held-out batch 13 of the routing corpus (see make_routing_holdout.py), written BLIND on
2026-11-25: config/rules.toml, ticketing/rules.py, the rules tests and every earlier
routing mail stayed closed while writing, and the router was never run on these mails.
Each label is the queue a competent billing-support lead would pick from the NEW text of
the mail (quoted history is background). All four queues, ten each, half English and half
Japanese: procurement and accounts-payable clerks, sole traders, a charity treasurer, IT
managers, a general counsel and two company directors, our own sales rep forwarding a
customer's complaint, non-native English, keigo and casual Japanese, Outlook disclaimers,
Gmail and Outlook quoting, forwards, typos, HTML-only, ISO-2022-JP, Shift_JIS, QP and
base64. Several mails mention another queue's topic in passing; one topic dominates.

- "holdout-13": SEALED. It is measured only after the next rules change, once, and never
  tuned on. Do not edit these mails to suit the rules.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja

H13 = "holdout-13"

HOLDOUT_13: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h13-en-billing-po-number-on-invoices.eml",
        "billing",
        "asks for a new PO number on future invoices and a reissue of a paid one: invoice admin",
        sender=("Marta Kowalczyk", "m.kowalczyk@brightwell-labs.example"),
        subject="PO reference on invoices from December",
        body="""\
Hello,

From 1 December our procurement system will reject any supplier invoice that does not
carry a valid purchase order number. Our new blanket PO for the Microsoft 365 and Azure
subscriptions is PO-4500198832 (valid until 30 Nov 2027).

Could you please:
1. add PO-4500198832 to all invoices from the December billing run onwards, and
2. reissue invoice INV-2026-11-20931 with the PO on it? It was already paid by bank
   transfer on 14 Nov, our AP team just needs the document to match for the three-way
   match.

If the PO has to go into a specific field on your side (customer reference vs. order
number), let me know which one and I will tell AP what to expect.
"""
        + sig_en("Marta Kowalczyk", "Procurement Specialist", "Brightwell Labs Sp. z o.o."),
        fmt="utf8-qp",
        batch=H13,
    ),
    M(
        "h13-en-billing-personal-card-to-company-account.eml",
        "billing",
        "wants to move from the owner's personal card to company bank transfer and fix the invoice name",
        sender=("Dave Pritchard", "dave@pritchardjoinery.example"),
        subject="changing how we pay",
        body="""\
Hi there

Bit of a long one sorry. We're a small joinery firm, 9 of us, and we've been paying
your monthly Microsoft bill on my personal credit card since we signed up, which my
accountant has (rightly) told me off about. The card is also up for renewal in January
so I'd rather sort it now than have something bounce later.

What I'd like is for the company to pay by bank transfer instead, or direct debit if
you do that, from the business account. Is there a form? Do you need a letter on
headed paper? Also will the invoice then be addressed to Pritchard Joinery Ltd rather
than me personaly, because at the moment it says D Pritchard and the accountant wants
that changed too for the VAT return.

Nothing wrong with the service by the way, the Teams stuff works fine, its just the
money side I need tidied up.

Cheers
Dave
""",
        fmt="utf8-b64",
        batch=H13,
    ),
    M(
        "h13-en-billing-prorated-line-accrual.eml",
        "billing",
        "asks how a prorated line will continue next month for an accrual; says the amount is fine",
        sender=("Priya Raghunathan", "priya.r@northgate-analytics.example"),
        subject="Re: Your invoice INV-2026-11-18744 from CloudPartner",
        body="""\
Thanks Sam. One follow-up before I close our books: line 7 says
"Microsoft 365 E5 (NCE) - prorated 17/11-30/11 x 6" at 1,164.00. I think that's the six
people who joined from the acquisition mid-month, which is fine. I just need to know
whether the December invoice will show them at the full monthly rate or whether there
will be another partial line, so I can accrue the right number.

No issue with the amount, I only need to understand it.

Priya

On Tue, 24 Nov 2026 at 09:12, CloudPartner Billing <billing@cloudpartner.example> wrote:
> Hi Priya,
>
> Please find attached the November invoice INV-2026-11-18744 for 9,842.50 USD,
> due 24 Dec 2026. Payment by ACH to the account shown on the invoice.
>
> If you believe any charge is incorrect, reply to this email and we will
> raise it with the vendor on your behalf.
>
> Kind regards,
> Sam Ortiz
> CloudPartner Billing
""",
        fmt="alt",
        batch=H13,
    ),
    M(
        "h13-en-billing-fwd-new-company-name-vat-id.eml",
        "billing",
        "needs invoices reissued with the post-merger company name and VAT ID; amounts are correct",
        sender=("Jens Albrecht", "j.albrecht@hollmann-albrecht.example"),
        subject="Fwd: Rechnung CloudPartner / wrong company name after merger",
        body="""\
Hello together,

please see below from our tax advisor. Since the merger on 1 October we are
"Hollmann & Albrecht GmbH" with the new VAT-ID DE318842071, but the invoices for
October and November still come on the old name "Albrecht Systemtechnik GmbH" and the
old VAT-ID. For the input tax deduction we need invoices with correct name and VAT-ID,
otherwise our tax advisor can not book them.

Can you please correct the master data and send us both invoices new? The amounts are
correct, only the header is the problem.

Thank you and best regards
Jens Albrecht
Kaufmännische Leitung
Hollmann & Albrecht GmbH

---------- Forwarded message ---------
From: Steuerbüro Keller <info@stb-keller.example>
Date: Mon, 23 Nov 2026 16:40
Subject: Rechnung CloudPartner
To: Jens Albrecht <j.albrecht@hollmann-albrecht.example>

Hallo Herr Albrecht,

die beiden Rechnungen von CloudPartner (Oktober, November) lauten noch auf die alte
Firma und die alte USt-IdNr. So kann ich den Vorsteuerabzug nicht geltend machen.
Bitte um korrigierte Rechnungen.

Mit freundlichen Grüßen
S. Keller
""",
        fmt="html",
        batch=H13,
    ),
    M(
        "h13-en-billing-when-does-agreed-credit-land.eml",
        "billing",
        "asks when an already agreed credit will reach the card; explicitly not contesting anything",
        sender=("Tom Becker", "tbecker@lakeside-vet.example"),
        subject="credit for the 15 seats we dropped",
        body="""\
Hi, your colleague Anna confirmed on 6 Nov that the 15 Business Premium seats we
removed inside the 7-day window would be credited back to our card. Not trying to start
a dispute or anything, just want to know roughly when it'll show up so I can tell our
bookkeeper which month to expect it in.

Tom Becker
Lakeside Veterinary Group

Sent from my iPhone
""",
        batch=H13,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h13-ja-billing-invoice-recipient-change.eml",
        "billing",
        "請求書の送付先担当者の変更と紙の請求書の停止の依頼：請求事務",
        sender=("小野寺 真理子", "onodera@kitakami-seiki.example.jp"),
        subject="請求書送付先ご担当者変更のお願い",
        body="""\
株式会社クラウドパートナー
請求ご担当者様

いつも大変お世話になっております。
北上精機株式会社 経理課の小野寺でございます。

弊社経理担当者の異動に伴い、12月ご請求分より請求書の送付先を
下記のとおり変更いただきたく、ご連絡いたしました。

【変更前】経理課 佐々木 宛（sasaki@kitakami-seiki.example.jp）
【変更後】経理課 小野寺 宛（onodera@kitakami-seiki.example.jp）

あわせて、郵送でお送りいただいている紙の請求書は今後不要となりますので、
PDFのメール送付のみとしていただけますでしょうか。
変更にあたり所定の申請書等がございましたら、お知らせくださいませ。

お手数をおかけいたしますが、何卒よろしくお願い申し上げます。
"""
        + sig_ja("北上精機株式会社", "管理部 経理課", "小野寺 真理子", "2231"),
        fmt="iso2022",
        batch=H13,
    ),
    M(
        "h13-ja-billing-closing-date-and-payment-terms.eml",
        "billing",
        "新規顧客が締め日・支払期日・振込手数料を質問：請求に関する問い合わせ",
        sender=("藤井 健太", "fujii@minato-butsuryu.example.jp"),
        subject="お支払期日について教えてください",
        body="""\
お世話になっております。
株式会社ミナト物流 総務の藤井です。

今月から御社経由でGoogle Workspaceを使い始めました。
初めての請求書が届く前に、いくつか確認させてください。

・請求の締め日は毎月何日でしょうか
・お支払期日は請求書発行日から何日後になりますか
・弊社は原則「月末締め翌月末払い」の振込なのですが、この支払サイトで問題ないでしょうか
・振込手数料はどちらのご負担になりますか

社内の支払予定表に登録する必要があるため、お手数ですがご教示いただけますと幸いです。
よろしくお願いいたします。
"""
        + sig_ja("株式会社ミナト物流", "総務部", "藤井 健太", "4470"),
        fmt="sjis",
        batch=H13,
    ),
    M(
        "h13-ja-billing-receipts-for-card-payments.eml",
        "billing",
        "カード払い分の領収書（宛名指定）をPDFで欲しいという依頼",
        sender=("山本 あや", "aya.yamamoto@atelier-hoshi.example.jp"),
        subject="領収書ほしいです",
        body="""\
こんにちは、アトリエほしの山本です。

10月分と11月分のカード払いの領収書（宛名：合同会社アトリエほし）をPDFでいただけますか？
確定申告の準備で税理士さんに出さないといけなくて…。
カードの明細はあるんですが、それだとダメと言われてしまいました。

よろしくお願いします！
山本
""",
        batch=H13,
    ),
    M(
        "h13-ja-billing-azure-usage-breakdown-csv.eml",
        "billing",
        "請求額は想定どおりとしたうえで、部門按分のためAzure従量課金の内訳CSVを依頼",
        sender=("村井 拓海", "t.murai@shinsei-soft.example.jp"),
        subject="Re: 【クラウドパートナー】11月分ご請求のご案内",
        body="""\
クラウドパートナー 請求担当 御中

ご案内ありがとうございます。新星ソフトの村井です。

請求額自体は想定どおりで問題ないのですが、社内で部門別に費用を按分する必要があり、
Azure従量課金（¥486,230）の内訳をリソースグループ単位、もしくはサブスクリプション単位で
出していただくことは可能でしょうか。CSV形式でいただけると大変助かります。

また、今後は毎月この内訳を請求書と一緒に送っていただくことはできますか？

よろしくお願いいたします。

村井

> 新星ソフト株式会社
> 村井様
>
> いつもお世話になっております。
> 11月分のご請求書を添付にてお送りいたします。
>
> ご請求金額：¥1,204,880（税込）
> お支払期限：2026年12月31日
>
> ご請求内容に相違がございましたら、本メールへの返信にてお知らせください。
> 株式会社クラウドパートナー 請求担当
""",
        fmt="utf8-qp",
        batch=H13,
    ),
    M(
        "h13-ja-billing-qualified-invoice-number.eml",
        "billing",
        "請求書に適格請求書発行事業者の登録番号の記載があるかの確認：支払いは問題なし",
        sender=("石田 恵", "ishida@koyo-kensetsu.example.jp"),
        subject="適格請求書の登録番号について",
        body="""\
株式会社クラウドパートナー ご担当者様

平素より大変お世話になっております。
光洋建設株式会社 経理部の石田でございます。

御社からの請求書を確認いたしましたところ、適格請求書発行事業者の登録番号
（T＋13桁）の記載が見当たりませんでした。
PDFの2ページ目以降に記載があるのか、別途書面でいただく形なのか、
ご教示いただけますでしょうか。

登録番号が確認できない場合、仕入税額控除の処理ができないため、
お手数ですがご確認のほどよろしくお願い申し上げます。

なお、ご請求金額およびお支払いについては問題ございません。
"""
        + sig_ja("光洋建設株式会社", "経理部", "石田 恵", "7102"),
        fmt="utf8-b64",
        batch=H13,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h13-en-disputes-billed-50-seats-after-reduction.eml",
        "disputes",
        "contests 20 seats billed after a confirmed reduction and withholds that part pending the vendor",
        sender=("Gareth Lloyd", "gareth.lloyd@tanygraig-housing.example"),
        subject="October invoice - seat count",
        body="""\
Hello,

On 30 September we reduced our Microsoft 365 Business Standard licences from 50 to 30.
I have the confirmation from your portal (order reference ORD-77120) and the admin
centre has shown 30 ever since.

Invoice INV-2026-10-15502 nevertheless bills us for 50 seats for the whole of October,
i.e. 20 x £10.30 = £206.00 too much. We will pay for the 30 seats but not the extra 20
until this has been sorted out with Microsoft, and I would like the outcome in writing
please.
"""
        + sig_en(
            "Gareth Lloyd",
            "IT & Facilities Manager",
            "Tan-y-Graig Housing Association",
        ),
        batch=H13,
    ),
    M(
        "h13-en-disputes-unknown-aws-marketplace-charge.eml",
        "disputes",
        "non-native English: a Marketplace subscription nobody ordered, asks us to get AWS to remove it",
        sender=("Nguyen Thi Lan", "lan.nguyen@saigonbridge-trading.example"),
        subject="AWS bill have charges we not recognise",
        body="""\
Dear CloudPartner team,

In our AWS invoice for October (your invoice no. INV-2026-10-16038) there is a line
"AWS Marketplace - DataStream Analytics Pro - annual subscription" with amount
USD 4,212.60. Nobody in our company has subscribe this product, we ask all 4 persons
who have admin access and nobody know it. We never use it, there is no resource
running for it.

Please contact AWS and ask them to remove this charge and refund to us. We are ready
to give any log or information they need. The rest of invoice we will pay normally
before due date.

Thank you very much for your support.

Best regards,
Nguyen Thi Lan
Accountant
Saigon Bridge Trading Co., Ltd
""",
        fmt="utf8-qp",
        batch=H13,
    ),
    M(
        "h13-en-disputes-annual-upfront-not-monthly.eml",
        "disputes",
        "billed a year up front for licences quoted as monthly; wants the charge reversed",
        sender=("Rachel Adeyemi", "rachel.adeyemi@fernhill-consulting.example"),
        subject="Re: Copilot licences - order confirmation",
        body="""\
Hi Mark,

I've just opened the November invoice and we've been billed £6,768.00 for 20 Copilot
licences, which is a full year up front. Your email below says billed monthly, and that
was the whole reason we agreed to trial it with 20 people rather than the 5 I'd
originally asked for. We're not paying a year in advance for a trial.

Please get the annual charge reversed and rebill it monthly as you quoted. If the
vendor won't move on it I want to know before the cancellation window closes on the
2nd, not after.

Thanks,
Rachel

On 18 Nov 2026, at 10:02, Mark Hughes <mark.hughes@cloudpartner.example> wrote:
> Hi Rachel,
> Great speaking earlier. As discussed I've placed the order for 20 x Microsoft 365
> Copilot, billed monthly at £28.20 per user. You should see the licences in the
> admin centre within the hour.
> Any questions, just shout.
> Mark
""",
        fmt="alt",
        batch=H13,
    ),
    M(
        "h13-en-disputes-contract-price-not-applied.eml",
        "disputes",
        "invoice uses the new list price instead of the contractually fixed one; asks for a credit",
        sender=("Hannah Lindqvist", "hannah.lindqvist@norrsken-media.example"),
        subject="Invoice INV-2026-11-19230 - unit price",
        body="""\
Hi,

Our agreement with you (signed March 2025, 36 months) fixes Google Workspace Business
Plus at USD 18.00 per user per month. The November invoice bills our 112 users at
USD 22.00, which is USD 448.00 more for the month.

I assume this is Google's list-price change being applied to us by mistake. Please
correct it and credit the difference; if the error sits with Google, please take it up
with them and tell me where it stands. Section 4.2 of the agreement is the relevant
clause.
"""
        + sig_en("Hannah Lindqvist", "Finance Controller", "Norrsken Media AB"),
        fmt="html",
        batch=H13,
    ),
    M(
        "h13-en-disputes-sales-fwd-suspended-users-billed.eml",
        "disputes",
        "our sales rep forwards a customer contesting charges for suspended leavers, asks to raise it with Google",
        sender=("Kenji Watanabe", "k.watanabe@cloudpartner.example"),
        subject="Fw: charges for suspended users??",
        body="""\
Billing team - forwarding from Olivia at Marlow Physio, one of my accounts. She's
adamant they shouldn't pay for these and honestly I think she has a point, they
suspended the leavers in September on Google's own advice. Can you pick it up with
Google? She's a good customer and has already mentioned looking at other resellers.

Thanks, Kenji

-----Original Message-----
From: Olivia Grant <olivia@marlowphysio.example>
Sent: 24 November 2026 17:55
To: Kenji Watanabe <k.watanabe@cloudpartner.example>
Subject: charges for suspended users??

Kenji,
Our November bill has 12 more Workspace users than we actually have. They're the
physios who left over the summer, we suspended their accounts in September and nobody
can log in to them. Why are we paying £11.04 each for people who don't work here?
That's £132.48 a month and I'd like the September to November charges back please.
Olivia
""",
        fmt="utf8-b64",
        batch=H13,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h13-ja-disputes-defender-addon-never-ordered.eml",
        "disputes",
        "申し込んでいないアドオンの請求についてマイクロソフトへの確認と請求取消を依頼",
        sender=("今井 聡", "imai@tohoku-agri.example.jp"),
        subject="11月分ご請求に含まれるライセンスについて",
        body="""\
株式会社クラウドパートナー
ご担当者様

お世話になっております。東北アグリ株式会社 情報システム課の今井です。

11月分のご請求書（請求番号 INV-2026-11-20377）に
「Microsoft Defender for Endpoint P2」が25ライセンス分、計 ¥97,500 計上されておりますが、
弊社ではこちらを申し込んだ記録がございません。
社内の稟議も確認いたしましたが該当するものはなく、管理センター上でも
割り当てているユーザーはおりません。

つきましては、マイクロソフト社へご確認のうえ、該当金額の請求を取り消して
いただけますでしょうか。当該明細以外については、期日までにお支払いいたします。
確認の結果がわかりましたら、ご連絡をお願いいたします。

よろしくお願いいたします。
"""
        + sig_ja("東北アグリ株式会社", "総務部 情報システム課", "今井 聡", "3318"),
        fmt="iso2022",
        batch=H13,
    ),
    M(
        "h13-ja-disputes-azure-metering-incident.eml",
        "disputes",
        "ベンダー側の計測不具合による過大課金として、マイクロソフトへのクレジット申請を依頼",
        sender=("岡田 亮", "okada@hikari-games.example.jp"),
        subject="Azure 10月分の課金について",
        body="""\
クラウドパートナー様

ヒカリゲームスの岡田です。
10月分のAzure利用料が、例月の約3倍（￥2,830,000）になっています。

調べたところ、10月12日から19日にかけてマイクロソフト側で Azure Monitor の
ログ取り込み量が重複して計測される不具合があったとのことで、Azureの状態履歴にも
該当のインシデント（追跡ID 7TQ2-KX8）が載っています。
弊社側ではこの期間、設定変更は一切していません。

この期間の過大計上分について、マイクロソフトへ請求の訂正（クレジット）を
申請していただけないでしょうか。必要であれば日別の使用量をエクスポートしてお送りします。

よろしくお願いします。

岡田 亮
株式会社ヒカリゲームス インフラ部
""",
        fmt="sjis",
        batch=H13,
    ),
    M(
        "h13-ja-disputes-billed-after-cancellation.eml",
        "disputes",
        "解約受付済みで使えなくなった月の請求を取り消してほしい（引落し済みなら返金）",
        sender=("松本 由紀", "y.matsumoto@mugi-bakery.example.jp"),
        subject="解約したはずなのですが",
        body="""\
お世話になります。むぎベーカリーの松本です。

Google Workspace は10月末で解約したはずなのに、11月分として ¥4,080 の請求が来ました。
10月20日に御社の窓口の方から

「ご解約のお手続きを承りました。10月31日をもってサービスを終了いたします。」

というメールをいただいていて、実際11月からはもう使えなくなっています。

使っていない月の分なので、この請求はなしにしていただきたいです。
もうカードから引き落とされてしまっていたら、返金をお願いします。

松本
""",
        batch=H13,
    ),
    M(
        "h13-ja-disputes-fwd-unit-price-differs-from-quote.eml",
        "disputes",
        "見積書と異なる単価で請求されているとして、見積どおりの請求への訂正を求める転送",
        sender=("中川 翔", "nakagawa@asahi-print.example.jp"),
        subject="転送: 請求単価の相違について",
        body="""\
クラウドパートナー 営業ご担当者様

お世話になっております。朝日印刷の中川です。
経理から下記の連絡がありましたので転送いたします。

見積書（見積番号 Q-2026-0812、9月3日付）では Microsoft 365 Business Standard を
1ユーザーあたり月額 ¥1,360 でご提示いただいておりましたが、今回の請求書では
¥1,630 となっております。40ユーザー分で月 ¥10,800 の差額になります。
見積どおりの単価でご請求いただくよう、訂正をお願いできますでしょうか。

中川

-------- 転送メッセージ --------
差出人: 経理部 西田 <nishida@asahi-print.example.jp>
日付: 2026年11月25日 10:14
件名: 請求単価の相違について

中川さん

クラウドパートナーの11月請求書、M365の単価が見積と違います（見積1,360円→請求1,630円）。
このままだと支払処理ができないので、先方に確認してもらえますか。

西田
""",
        fmt="utf8-qp",
        batch=H13,
    ),
    M(
        "h13-ja-disputes-reply-not-convinced-early-termination.eml",
        "disputes",
        "途中解約の残期間一括請求の説明に納得せず、メーカーへの正式な申し立てと保留を通知",
        sender=("加藤 直樹", "n.kato@seiryu-koumuten.example.jp"),
        subject="Re: Re: 11月分ご請求内容について",
        body="""\
クラウドパートナー
請求担当 鈴木様

ご回答ありがとうございます。
ただ、ご説明いただいた内容には納得できておりません。

「年間契約の途中解約のため残期間分を一括請求」という点について、契約時に
そのような説明は一切受けておらず、申込書にも記載がございません。

恐れ入りますが、本件は正式にメーカー側へ申し立てていただき、結果を書面で
ご連絡いただけますでしょうか。
それまでの間、該当の ¥312,000 につきましては支払いを保留させていただきます。

清流工務店 加藤

> 加藤様
>
> お問い合わせの件、確認いたしました。
> 今回のご請求は、年間契約を途中で解約されたため、残期間分（5か月分）を
> 一括でご請求しているものでございます。
> 何卒ご理解のほどお願い申し上げます。
>
> クラウドパートナー 鈴木
""",
        fmt="alt",
        batch=H13,
    ),
    # ------------------------------------------------------------------ collections (en)
    M(
        "h13-en-collections-card-declined-pay-now.eml",
        "collections",
        "card payment for an invoice was declined; wants to settle it today so the accounts stay on",
        sender=("Leo Martins", "leo@martins-architects.example"),
        subject="payment failed?",
        body="""\
Hi, got your email saying the card payment for invoice INV-2026-11-20112 (£842.16) was
declined. Our bank cancelled the card last week after some fraud on it and the new one
only arrived yesterday, sorry. Can you send me a payment link so I can pay it today
with the new card, and make sure the new one is used from now on? Don't want the
accounts switched off.

Leo
""",
        batch=H13,
    ),
    M(
        "h13-en-collections-charity-instalment-plan.eml",
        "collections",
        "three invoices in arrears, asks to clear them in instalments; the address typo is a side note",
        sender=("Margaret O'Connell", "treasurer@riverside-foodbank.example"),
        subject="Outstanding invoices - can we talk about a plan?",
        body="""\
Dear Sir or Madam,

I am the volunteer treasurer of Riverside Community Food Bank and I am writing,
somewhat embarrassed, about our account. I know we have three invoices outstanding
(August, September and October, about £1,940 in total) and I have had your reminder
letters and the phone message last week.

The honest position is that a grant we were counting on in the summer has been delayed
until January. We still use the Microsoft licences every day for our volunteers and
really cannot be without email at this time of year, which is our busiest.

Would you consider letting us clear the arrears in three monthly instalments from
December, on top of the normal monthly invoice? I can set up a standing order for
whatever amount you agree. If it helps, I can send you the grant award letter.

I also noticed the October invoice still has our old address on it, but that is a
minor point and not urgent.

Thank you for your patience with us.

Yours faithfully,
Margaret O'Connell
Treasurer, Riverside Community Food Bank (registered charity no. 1094417)
""",
        fmt="utf8-qp",
        status="delinquent",
        batch=H13,
    ),
    M(
        "h13-en-collections-reply-to-final-notice.eml",
        "collections",
        "answers our final notice with a payment date and asks us not to disable the subscriptions",
        sender=("Chris Dunmore", "accounts.payable@halden-freight.example"),
        subject="RE: FINAL NOTICE - account 10-33871 - overdue balance",
        body="""\
Hello,

Apologies for the delay. Invoice INV-2026-09-11876 was stuck in approval because the PO
it was raised against had expired. It has now been approved and USD 14,306.40 is in
today's payment run; you should see it within 2 business days. Remittance advice will
follow from our bank.

Please do not disable the subscriptions, we run 24/7.
"""
        + sig_en("Chris Dunmore", "Accounts Payable", "Halden Freight Inc.")
        + """
From: CloudPartner Billing <billing@cloudpartner.example>
Sent: Tuesday, November 24, 2026 8:00 AM
To: accounts.payable@halden-freight.example
Subject: FINAL NOTICE - account 10-33871 - overdue balance

Dear customer,

Invoice INV-2026-09-11876 (USD 14,306.40) is now 55 days overdue. Unless payment is
received within 7 days of this notice, access to your subscriptions will be disabled
for non-payment. If you have already paid, please send us the remittance advice.

CloudPartner Billing
""",
        fmt="alt",
        status="delinquent",
        batch=H13,
    ),
    M(
        "h13-en-collections-direct-debit-returned.eml",
        "collections",
        "direct debit came back unpaid after a bank change; asks what is owed and pays it by transfer",
        sender=("Sofia Brandt", "sofia.brandt@brandt-optik.example"),
        subject="Direct debit returned - new bank details",
        body="""\
Hi,

Our bank let us know that your direct debit for the November invoice was returned
("no mandate"). That's because we moved our business account to another bank in
September and I forgot to tell you, my fault.

What do I need to do now, a new SEPA mandate form? And how much is outstanding at
the moment including any return fee? I'd like to pay the November amount by transfer
straight away so we are not behind, and then have the direct debit run from the new
account from December on.

Thanks
Sofia Brandt
Brandt Optik e.K.
""",
        fmt="utf8-b64",
        batch=H13,
    ),
    M(
        "h13-en-collections-fwd-suspended-for-nonpayment.eml",
        "collections",
        "service suspended for non-payment because invoices went to a leaver; paying the balance to get it back",
        sender=("Aisha Rahman", "aisha.rahman@pinecrest-clinic.example"),
        subject="Fwd: Google Workspace suspended",
        body="""\
Hi,

See below from our director. I've just checked and you're right, the invoices since
August have been going to the mailbox of our former office manager, so nobody here saw
them or the reminders. That's on us.

I'm paying the full balance of £2,117.40 by bank transfer now (reference
PINECREST-AUG-NOV). Can you please confirm that amount is right and restore the
accounts as soon as it arrives? And please change the billing contact to me.

Aisha Rahman
Practice Manager, Pinecrest Family Clinic

---------- Forwarded message ---------
From: Dr Neil Foster <neil.foster@pinecrest-clinic.example>
Date: Wed, 25 Nov 2026 07:48
Subject: Google Workspace suspended
To: Aisha Rahman <aisha.rahman@pinecrest-clinic.example>

Aisha, nobody can get into email this morning, Google says the account is suspended
for non-payment?! Please sort it today.
Neil
""",
        fmt="html",
        status="suspended",
        batch=H13,
    ),
    # ------------------------------------------------------------------ collections (ja)
    M(
        "h13-ja-collections-dunning-letter-payment-date.eml",
        "collections",
        "督促状を受けて未払い2か月分の入金予定日を連絡：請求先変更は付随",
        sender=("高橋 誠", "takahashi@fujimi-kikaku.example.jp"),
        subject="督促状受領の件（お支払予定のご連絡）",
        body="""\
株式会社クラウドパートナー
債権管理ご担当者様

いつもお世話になっております。
富士見企画株式会社の高橋でございます。

本日、9月分・10月分のご利用料金につきまして督促状を拝受いたしました。
お支払いが遅れておりますこと、誠に申し訳ございません。
前任者の退職に伴う引継ぎ漏れにより、支払処理がなされていなかったことが判明いたしました。

未払いとなっております2か月分（合計 ¥168,960）につきましては、
12月4日（金）までにお振込みいたします。
また、今後は私が窓口となりますので、ご請求書の送付先を変更いただけますと幸いです。

ご迷惑をおかけし大変申し訳ございませんが、何卒よろしくお願い申し上げます。
"""
        + sig_ja("富士見企画株式会社", "管理本部", "高橋 誠", "6023"),
        fmt="iso2022",
        batch=H13,
    ),
    M(
        "h13-ja-collections-installment-request.eml",
        "collections",
        "7月分から滞納している利用料を分割で支払わせてほしいという相談",
        sender=("吉田 浩二", "yoshida@kaede-kougei.example.jp"),
        subject="お支払いのご相談",
        body="""\
クラウドパートナー ご担当者様

お世話になっております。かえで工芸の吉田です。
大変申し上げにくいのですが、お支払いについてご相談させてください。

取引先の倒産の影響で資金繰りが非常に厳しく、7月分から滞っております利用料
（約42万円）を一括でお支払いすることが難しい状況です。
毎月の利用料とは別に、未払い分を月7万円ずつ6回に分けてお支払いさせていただく
ことはできませんでしょうか。

メールやTeamsが止まってしまうと受注のやり取りができなくなってしまうため、
何とかご検討いただけますと助かります。
お電話でのご相談も可能です（090-1234-5678）。

よろしくお願いいたします。

有限会社かえで工芸 代表
吉田 浩二
""",
        fmt="sjis",
        status="delinquent",
        batch=H13,
    ),
    M(
        "h13-ja-collections-late-transfer-casual.eml",
        "collections",
        "10月分の振込漏れを詫び、月末に払うので止めないでほしいというくだけた連絡",
        sender=("森 大輔", "mori@mori-design.example.jp"),
        subject="振込遅れてます、すみません",
        body="""\
クラウドパートナーさん

森デザイン事務所の森です。
リマインドのメールいただいてました、すみません！10月分の振込まだでした。
今月ちょっとバタバタしてて…月末（30日）には11月分とまとめて振り込みます。
それまでアカウント止めないでもらえると助かります🙏

森
""",
        batch=H13,
    ),
    M(
        "h13-ja-collections-card-limit-reached.eml",
        "collections",
        "限度額超過でカード決済が失敗した未決済分を別カードで払い直したいという相談",
        sender=("青木 里奈", "r.aoki@hanamizuki-hoiku.example.jp"),
        subject="カード決済エラーの件",
        body="""\
株式会社クラウドパートナー
ご担当者様

お世話になっております。
はなみずき保育園 事務の青木と申します。

「クレジットカードの決済ができませんでした」とのメールをいただきました。
確認したところ、カードの利用限度額に達していたことが原因のようです。
大変申し訳ございません。

未決済となっている11月分について、別の法人カードで決済し直したいのですが、
どのように手続きすればよろしいでしょうか。
また、お支払いが完了するまでの間に、園のメールが使えなくなってしまうことは
ありますでしょうか。

ご確認のほど、よろしくお願いいたします。

はなみずき保育園
事務 青木 里奈
""",
        fmt="utf8-b64",
        batch=H13,
    ),
    M(
        "h13-ja-collections-reply-to-suspension-warning.eml",
        "collections",
        "利用停止予告への返信で、入金日を示し停止の猶予を求める",
        sender=("西村 亜希子", "a.nishimura@tenryu-shoji.example.jp"),
        subject="Re: 【重要】ご利用停止に関する予告通知",
        body="""\
クラウドパートナー 債権管理ご担当 御中

いつもお世話になっております。天竜商事の西村です。
ご通知いただいた件、大変失礼いたしました。

8月分・9月分のお支払いが遅れております件、部長不在のため社内の稟議承認が
止まっておりましたが、本日ようやく承認が下りました。
12月2日（水）に全額（¥534,600）をお振込みいたしますので、
利用停止の措置はお待ちいただけますでしょうか。
振込後、振込控えをお送りいたします。

取り急ぎ、ご連絡まで。

天竜商事株式会社 経理部
西村 亜希子

> 天竜商事株式会社
> ご担当者様
>
> 8月分および9月分のご利用料金（合計 ¥534,600）につきまして、
> 再三のご案内にもかかわらず、お支払いが確認できておりません。
> 12月4日までにご入金が確認できない場合、ご契約中のサービスの
> ご利用を停止させていただきます。
>
> 株式会社クラウドパートナー 債権管理課
""",
        fmt="html",
        batch=H13,
    ),
    # ------------------------------------------------------------------ escalations (en)
    M(
        "h13-en-escalations-paid-but-licences-suspended.eml",
        "escalations",
        "whole company locked out by a vendor-side licence suspension although paid; needs Microsoft now",
        sender=("Ben Kowalski", "ben.kowalski@meridian-dental-labs.example"),
        subject="URGENT - all users blocked, licences show suspended",
        body="""\
Since about 07:30 this morning none of our 140 users can sign in to Outlook or Teams.
The Microsoft 365 admin centre shows all Business Premium licences as "Suspended -
contact your partner". We are fully paid up: the November invoice was paid by card on
the 3rd (receipt details below), so this is not a payment problem on our side.

Our lab cannot take orders from dentists without email, so we are effectively closed
until this is fixed. Please get Microsoft to reinstate the subscription immediately and
send me the case number so I can follow it.

Receipt: INV-2026-11-19977, paid 3 Nov 2026, Visa ending 4471, £3,108.00

Ben Kowalski
IT Manager, Meridian Dental Laboratories
Mobile 07700 900412
""",
        fmt="utf8-qp",
        batch=H13,
    ),
    M(
        "h13-en-escalations-gdap-case-stuck-three-weeks.eml",
        "escalations",
        "a Microsoft case has been stuck for three weeks; asks us to push the vendor harder (double billing is a side effect)",
        sender=("Ines Carvalho", "ines.carvalho@lumen-retail.example"),
        subject="Re: Microsoft case 2611090040001872 - GDAP relationship",
        body="""\
Hi Joe,

It's now three weeks since you opened this with Microsoft and the relationship still
shows "Pending" on our side. We can't finish moving our Azure subscriptions over to you
until it's approved, and meanwhile our old reseller keeps billing us for the same
subscriptions, so every month this drags on we pay twice.

Is there anything you can do to push Microsoft harder - a partner escalation manager,
a higher severity? A weekly "still with the vendor" isn't enough any more. If there's
something we need to do on our side, tell me and I'll do it today.

Ines

On Mon, 16 Nov 2026 at 15:21, Joe Park <joe.park@cloudpartner.example> wrote:
> Hi Ines,
> Quick update: Microsoft support are still looking at case 2611090040001872.
> They've asked their GDAP team to check why the approval link keeps failing.
> I'll chase again on Thursday.
> Joe
""",
        fmt="alt",
        batch=H13,
    ),
    M(
        "h13-en-escalations-general-counsel-transfer-deadline.eml",
        "escalations",
        "general counsel threatens legal action over a stalled subscription transfer before an auto-renewal",
        sender=("Catherine Moss", "c.moss@arden-biosciences.example"),
        subject="Formal notice - failure to release subscriptions for transfer",
        body="""\
Dear Sirs,

I write as General Counsel of Arden Biosciences Ltd.

On 2 October we gave you notice, in accordance with clause 11 of our reseller
agreement, that we were moving our Microsoft licensing to another provider, and asked
you to release the subscriptions for transfer. Seven weeks and several emails later
the transfer has still not happened. Your staff tell us the request is "with
Microsoft"; Microsoft tell our new provider that it must be initiated by you.

Our licences renew on 1 December. If they renew under your account we will be
committed for a further twelve months against our express instruction. Unless the
transfer is completed, or you provide written confirmation from Microsoft that the
renewal will not take place, by 27 November, we will instruct external counsel and
hold you liable for all resulting costs.
"""
        + sig_en("Catherine Moss", "General Counsel", "Arden Biosciences Ltd"),
        batch=H13,
    ),
    M(
        "h13-en-escalations-azure-data-deletion-after-transfer.eml",
        "escalations",
        "production Azure subscription disabled after a transfer, data deletion in 5 days; needs a Microsoft case",
        sender=("Marco Bellini", "marco.bellini@ortolan-software.example"),
        subject="Azure subscription disabled - Microsoft says data deleted in 5 days??",
        body="""\
hi,

this morning we received the email from Microsoft that our Azure subscription
"ortolan-prod" is disabled and that all the data will be deleted after the retention
period, 5 days from now. we never asked to cancel anything. i think it is related to
the "subscription transfer" your colleague did on friday to move it under the new
billing account, the old one is now marked as cancelled.

inside there are our production databases and the backups of two of our customers. we
cannot lose this. please can you open a case with Microsoft at the highest severity and
stop the deletion? i am available all day on +39 02 5556 1187.

Marco Bellini
CTO - Ortolan Software srl
""",
        fmt="utf8-b64",
        batch=H13,
    ),
    M(
        "h13-en-escalations-md-aws-locked-four-weeks.eml",
        "escalations",
        "managing director complains that an AWS lockout has gone nowhere for weeks and wants a vendor case today",
        sender=("Richard Hale", "richard.hale@kingsbury-estates.example"),
        subject="Four weeks and still locked out",
        body="""\
To whoever is in charge there,

Our AWS account has been locked for four weeks, ever since the root email address was
changed as part of moving it to your billing. Every week someone from your team tells
my IT manager it has been "raised with AWS". Nothing happens. Our property listings
site is running on a server nobody can now administer, and if anything goes wrong with
it we cannot fix it.

I want, today, the name of whoever has this at AWS, the case number, and a date. If you
cannot get that from them, say so and I will go to AWS myself and review whether we
stay with you at all.

Richard Hale
Managing Director, Kingsbury Estates
""",
        fmt="html",
        batch=H13,
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "h13-ja-escalations-tenant-outbound-mail-blocked.eml",
        "escalations",
        "マイクロソフト側の送信制限で全社メール送信不可、パートナー経由でしか解除依頼できない",
        sender=("佐藤 雄一", "y.sato@chuo-unyu.example.jp"),
        subject="【至急】全社でメール送信ができません",
        body="""\
株式会社クラウドパートナー
サポートご担当者様

中央運輸 情報システム部の佐藤です。

本日午前9時頃から、全社員（約300名）が社外へメールを送信できない状態です。
Exchange 管理センターを確認したところ、テナント全体が送信制限の対象となっており、
マイクロソフトによる制限である旨の表示があります。
弊社側で解除の申請を試みましたが、「パートナー経由でサポートへお問い合わせください」
と表示され、先へ進めません。

荷主様への配車連絡や書類の送付はすべてメールで行っているため、業務に大きな支障が
出ております。至急マイクロソフトへエスカレーションいただき、制限解除の見込みと
サポートケース番号をお知らせください。

なお、ご利用料金は毎月期日どおりにお支払いしております。
"""
        + sig_ja("中央運輸株式会社", "情報システム部", "佐藤 雄一", "8815"),
        fmt="iso2022",
        batch=H13,
    ),
    M(
        "h13-ja-escalations-google-case-no-reply.eml",
        "escalations",
        "Googleへのケースが2週間放置され、期限が迫るので催促か上位窓口への引き上げを依頼",
        sender=("原田 さやか", "harada@kotobuki-tsushin.example.jp"),
        subject="Googleのサポートケースの件（その後いかがでしょうか）",
        body="""\
クラウドパートナー
サポート担当 田村様

お世話になっております。寿通信の原田です。
11月10日にご依頼いたしました、Google Workspace のドメイン所有権確認の件について、
その後の状況をお伺いしたくご連絡いたしました。

11月12日に田村様から
「Google社へケース（番号 48213377）を起票いたしました。回答があり次第ご連絡いたします。」
とのご連絡をいただいて以降、2週間ほど進展がない状態です。

新ドメインへの切替えを12月1日に予定しており、社外にもすでに案内を出しております。
このままでは間に合わないため、Google社へ催促していただくか、より上位の窓口へ
お繋ぎいただくことは可能でしょうか。

お手数をおかけいたしますが、よろしくお願いいたします。

寿通信株式会社 総務部
原田 さやか
""",
        fmt="iso2022",
        batch=H13,
    ),
    M(
        "h13-ja-escalations-president-admin-rights-lost.eml",
        "escalations",
        "代表取締役から、権限移行後に管理者不在が続きマイクロソフト対応が進まないことへの抗議と取引見直しの示唆",
        sender=("渡辺 秀樹", "h.watanabe@daiichi-seiko.example.jp"),
        subject="管理者権限喪失の件について（弊社代表より）",
        body="""\
株式会社クラウドパートナー
代表取締役 殿

第一精工株式会社 代表取締役の渡辺でございます。
担当者間のやり取りでは埒が明かないため、私から直接ご連絡いたします。

先月、御社の作業として実施された管理者権限の移行（GDAPへの切替え）以降、
弊社の Microsoft 365 テナントにグローバル管理者としてサインインできる者が
一人もおりません。
この3週間、退職者のアカウント停止も、新入社員のアカウント作成もできず、
情報セキュリティの観点からも看過できない状況です。

御社ご担当者からは「マイクロソフトに確認中」とのご回答を繰り返しいただくのみで、
いつ解決するのかの見通しすら示されておりません。

今週中に、マイクロソフトでの対応状況と復旧の目処を、責任あるお立場の方から
書面にてご回答ください。
ご回答をいただけない場合、御社とのお取引そのものを見直さざるを得ません。

第一精工株式会社
代表取締役社長 渡辺 秀樹
""",
        fmt="sjis",
        batch=H13,
    ),
    M(
        "h13-ja-escalations-fwd-workspace-deletion-notice.eml",
        "escalations",
        "更新依頼済みなのにGoogleから契約終了・データ削除の通知、今日中にGoogleを止めてほしい",
        sender=("小林 健", "kobayashi@yamabiko-tours.example.jp"),
        subject="Fwd: 【Google Workspace】サービス終了およびデータ削除のお知らせ",
        body="""\
クラウドパートナーさん

やまびこツアーズの小林です。
下のメール、今朝Googleから届きました。契約終了なんてしてないです！！
更新の手続きは先月そちらにお願いしてあるはず（10/28に見積OKで返信してます）。

このままだと12月3日に全員のメールとドライブが消えます。
お客さんの予約データも全部ドライブに入ってるので、本当に困ります。
今日中にGoogleに止めてもらうよう連絡してもらえますか？

小林

---------- Forwarded message ---------
From: Google Workspace <workspace-noreply@google.example>
Date: 2026年11月25日(水) 6:02
Subject: 【Google Workspace】サービス終了およびデータ削除のお知らせ
To: <kobayashi@yamabiko-tours.example.jp>

yamabiko-tours.example.jp の Google Workspace のご契約は終了しました。
2026年12月3日以降、組織のユーザーデータは削除され、復元できなくなります。
""",
        batch=H13,
    ),
    M(
        "h13-ja-escalations-aws-account-suspended-launch-today.eml",
        "escalations",
        "支払いと無関係なAWSのアカウント停止で本番停止、本日18時の期限までにAWSへのエスカレーションが必要",
        sender=("井上 翼", "tsubasa.inoue@nexfield.example.jp"),
        subject="AWSアカウント停止の件（本日中の復旧が必要です）",
        body="""\
株式会社クラウドパートナー ご担当者様

ネクスフィールドの井上です。

昨夜、AWSから「アカウントのセキュリティ審査のため一時停止」との通知があり、
本番環境のEC2・RDSがすべて停止しています。
お支払いの遅延などは一切なく、AWSからの通知にも支払いに関する記載はありません。
AWSのサポートに問い合わせたところ、リセラー経由の請求アカウントのため、
パートナー経由での問い合わせが必要との回答でした。

本日18時から大手取引先向けのキャンペーンが始まるため、それまでに復旧できないと
損害が発生します。大至急AWSへエスカレーションしていただき、ケース番号と
対応状況をご連絡ください。
私の携帯（080-5555-2094）にお電話いただいても構いません。

井上 翼
株式会社ネクスフィールド 開発部
""",
        fmt="html",
        batch=H13,
    ),
]
