"""Held-out batch 16 of the routing corpus (see make_routing_holdout.py), written BLIND on
2026-11-25: config/rules.toml, ticketing/rules.py, ticketing/routing_ops.py, the rules tests
and every earlier routing mail stayed closed while writing, and the router was never run on
these mails. Each label is the queue a competent billing-support lead would pick from the NEW
text of the mail (quoted history is background). All four queues, ten each, half English and
half Japanese: a retired bookkeeper, a startup CTO, hospital procurement and accounts payable,
a charity treasurer, MSPs writing for their clients, non-native English from Vietnam and
Poland, our own account managers forwarding customers' words, keigo from 総務 and 経理, a
curt 社長 and 院長, replies with quoted history, forwards, legal footers, typos, HTML-only,
multipart, ISO-2022-JP, Shift_JIS, QP and base64.

- "holdout-16": SEALED until the rules change in progress is finished, then measured once,
  and never tuned on. Do not edit these mails to suit the rules.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja

H16 = "holdout-16"

HOLDOUT_16: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h16-en-billing-po-number-missing.eml",
        "billing",
        "asks for an invoice to be reissued with the PO number; not due yet, amounts accepted",
        sender=("Margaret Oyelaran-Hughes", "m.oyelaran-hughes@stcuthberts-hospital.example"),
        subject="Azure invoice INV-2026-11-20931 - PO reference missing",
        body="""Good morning,

Our Accounts Payable team has bounced invoice INV-2026-11-20931 (Azure consumption,
October) back to me because it does not carry our purchase order number. Under the Trust's
standing financial instructions we cannot pay any supplier invoice without a valid PO on the
face of the document, so I would be grateful if you could reissue it with PO 4500318827
quoted in the header.

For clarity, the invoice is not due until 30 November and I have no issue with the amounts;
it is purely the missing reference. Could you also make sure the PO is carried on November's
invoice automatically? The PO covers Azure consumption up to £60,000 through 31 March 2027.

If a new PO is needed for the Microsoft 365 renewal in January please let me know in good
time, the lead time on our side is about three weeks.
"""
        + sig_en(
            "Margaret Oyelaran-Hughes",
            "Senior Procurement Officer",
            "St Cuthbert's Hospital NHS Foundation Trust",
        ),
        fmt="alt",
        batch=H16,
    ),
    M(
        "h16-en-billing-vat-number-bookkeeper.eml",
        "billing",
        "wrong VAT number on paid invoices: correction, reissue and an extra invoice recipient",
        sender=("Brenda Halloway", "brenda.halloway@btinternet.example"),
        subject="query re Dropbox invoices for Halloway Joinery",
        body="""Hello there,

I hope you don't mind me writing, I do the books for my son's business (Halloway Joinery
Ltd) since I retired, I was a bookkeeper for 31 years so I know my way round an invoice but
these new cloud ones do confuse me a bit!

The Dropbox invoices you send us every month for £39.60 show VAT at 20% which is fine, but
the VAT registration number printed on them is our OLD one from before we incorporated
(GB 291 4476 03). The company's number is now GB 402 1187 59. My accountant says it needs
to be right on the invoice so we can reclaim the input VAT properly. Could you update it,
and would it be possible to have September and October sent again with the correct number?
I've paid them both already by the direct debit so theres nothing outstanding, I just need
the paperwork to be right.

Also (sorry, while I'm here) is there a way to have the invoices come to me as well as to
Gary? He never forwards them and I end up chasing him.. my email is this one.

Many thanks in advance and sorry for the long email

Brenda Halloway
(for Halloway Joinery Ltd)

Sent from my iPad
""",
        fmt="utf8-qp",
        batch=H16,
    ),
    M(
        "h16-en-billing-annual-quote-card-swap.eml",
        "billing",
        "asks for an annual-term quote and to change the card on file",
        sender=("Dev Raman", "dev@lumenstack.example"),
        subject="M365 monthly -> annual?",
        body="""Hi,
we're 32 seats on Business Premium, monthly billing, paying by card. two things:
1. what would annual commitment cost us per seat, and does it lock the seat count for the
year? need a quote I can show the board thursday
2. switch the card on file to the company Amex ending 1009 pls, the Visa is my personal one
(don't ask)
thx
Dev
--
CTO, Lumenstack
""",
        batch=H16,
    ),
    M(
        "h16-en-billing-new-name-address-poland.eml",
        "billing",
        "change of company name and billing address after a merger; quoted reminder was settled",
        sender=("Paweł Wróblewski", "p.wroblewski@kordex-logistyka.example"),
        subject="RE: [CP-#40877] Payment reminder invoice 2026-08-3310",
        body="""Hello Ms. Turner,

Thank you, all is clear now with this one. I have other question now, not about payment.

From 1 December our company is moving to new office and also the name is changing after
merger with our sister company. New data for invoices is:

Kordex Logistics Group sp. z o.o.
ul. Przemysłowa 14B
60-116 Poznań
Poland
NIP (VAT EU): PL7792517340

Please change this for all subscriptions (Microsoft 365 and the Azure), invoices from
December must have new name and new adress, otherwise our accounting can not book them. Old
name will be not valid anymore. Do you need some document from KRS for this?

Best regards
Paweł Wróblewski
Kierownik Administracji / Office Manager
Kordex Logistyka

-----Original Message-----
From: Emma Turner <billing@cloudpartner.example>
Sent: Tuesday, 17 November 2026 10:12
To: Paweł Wróblewski
Subject: [CP-#40877] Payment reminder invoice 2026-08-3310

Dear Paweł,

Thank you for your message. We confirm that the transfer of 4,812.00 PLN for invoice
2026-08-3310 was received on 16 November, so the payment reminder you received can be
ignored. Your account is in good standing and no further action is required.

Kind regards,
Emma Turner
Billing Support
""",
        fmt="utf8-b64",
        batch=H16,
    ),
    M(
        "h16-en-billing-msp-seat-reduction-credit.eml",
        "billing",
        "MSP asks how a mid-term seat reduction will be invoiced; says the charge itself is right",
        sender=("Tom Ecclestone", "tom@brightpath-it.example"),
        subject="Salesforce seats for our client Harrow & Lyle - how will the reduction show?",
        body="""Hi team,

Writing on behalf of our client Harrow & Lyle Solicitors (account HL-20118), who we manage
under our MSP agreement.

They went from 45 to 38 Sales Cloud Enterprise seats on 9 November after a restructure. The
November invoice charged the full 45 for the month, which I understand is correct as the
reduction came mid-cycle and their contract is annual with monthly billing - we're not
questioning that.

What I need to explain to their finance director is how the reduction will show from here:
- will December be invoiced at 38, or does the annual commitment mean they carry 45 until
  the anniversary in June?
- if there is any credit for the seven seats, will it come as a separate credit note or be
  netted off the next invoice?

A short written answer I can forward to them would be ideal.

Cheers,
Tom Ecclestone
Service Delivery Manager | BrightPath IT Services
Managed services for legal & professional firms
""",
        fmt="html",
        batch=H16,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h16-ja-billing-atena-saihakko.eml",
        "billing",
        "請求書の宛名（部署名）変更と再発行の依頼。支払いは期日どおりの予定",
        sender=("山内 佳代子", "k.yamauchi@tokai-seimitsu.example"),
        subject="請求書宛名変更のお願い（東海精密工業株式会社）",
        body="""株式会社クラウドパートナー
請求ご担当者様

平素より格別のお引き立てを賜り、厚く御礼申し上げます。
東海精密工業株式会社 総務部の山内でございます。

さて、誠に恐縮ではございますが、請求書の宛名につきましてお願い申し上げたく、ご連絡を差し上げました。
弊社は本年10月1日付にて組織改編を行い、請求書の宛先部署が「管理本部 総務課」から「経営管理部 総務グループ」へ変更となっております。

つきましては、大変お手数をおかけいたしますが、10月分（請求書番号 CP-2610-05512）のMicrosoft 365ご利用料金の請求書につきまして、新しい部署名にて再発行いただくことは可能でございましょうか。
なお、お支払いは期日の11月30日までにお振込みさせていただく予定でございますので、その点はご安心くださいませ。

また、11月分以降の請求書につきましても、新部署名にてご発行賜りますようお願い申し上げます。

ご多忙のところ誠に恐れ入りますが、何卒よろしくお願い申し上げます。
"""
        + sig_ja("東海精密工業株式会社", "経営管理部 総務グループ", "山内 佳代子", "2231"),
        fmt="iso2022",
        batch=H16,
    ),
    M(
        "h16-ja-billing-card-to-furikomi.eml",
        "billing",
        "支払方法をカードから銀行振込へ変更したい、手続きと振込先の問い合わせ",
        sender=("小野寺 拓", "onodera@hanamizuki-dental.example"),
        subject="支払方法の変更について",
        body="""クラウドパートナー ご担当者様

はなみずき歯科クリニックの小野寺です。いつもお世話になっております。

現在Google Workspaceの利用料をクレジットカード払いにしておりますが、院のカードを法人カードに切り替える都合で、来年1月分から銀行振込に変更したいと考えております。

・振込に変更する場合の手続き（申込書などが必要でしょうか）
・振込先口座
・振込手数料はこちら負担でよいか
・請求書の発行日と支払期日

以上を教えていただけますでしょうか。
12月分までは今のカードで引き落としていただいて問題ありません。

よろしくお願いいたします。

はなみずき歯科クリニック
事務長 小野寺 拓
TEL 022-555-0187
""",
        fmt="sjis",
        batch=H16,
    ),
    M(
        "h16-ja-billing-tourokubangou-invoice.eml",
        "billing",
        "適格請求書の登録番号と税率別消費税額の記載漏れ、再発行の依頼",
        sender=("経理部 村田", "murata.k@aoba-foods.example"),
        subject="【ご確認】請求書への登録番号記載について",
        body="""ご担当者様

お世話になっております。あおば食品株式会社 経理部の村田です。

貴社から届いているAWS利用料の請求書（2026年10月分、請求金額 ￥418,990）ですが、適格請求書発行事業者の登録番号（Tから始まる番号）の記載が見当たりません。
Microsoft 365の請求書には記載があるのですが、AWS分だけ様式が違うようです。

登録番号の記載がないと仕入税額控除が受けられないため、
1. 10月分を登録番号入りで再発行いただけますか
2. 税率ごとの消費税額の記載も併せてお願いできますか（現状は税込総額のみ）

支払処理は月末締めのため、可能であれば11月27日までにご対応いただけると助かります。
よろしくお願いいたします。

あおば食品株式会社
経理部 村田 恵子
""",
        fmt="utf8-b64",
        batch=H16,
    ),
    M(
        "h16-ja-billing-why-higher-breakdown.eml",
        "billing",
        "請求額が増えた理由と日割りの明細を求める。金額に異論はないと明言",
        sender=("高橋 涼", "ryo.takahashi@kumo-design.example"),
        subject="Re: 11月分ご請求のご案内",
        body="""お世話になってます、クモデザインの高橋です。

11月分の請求書受け取りました。先月より3万円ちょっと高くなっていて、社内で「何が増えたの？」と聞かれたので内訳を教えてください。
たぶん10月半ばに入社した4名分のAdobe Creative Cloudと、Dropboxの容量追加だと思うのですが、日割りがどう計算されているのか請求書からは読み取れなくて。

金額に異論があるわけではなく、上長への説明用です。明細（ライセンスごと・日割りの計算根拠）をCSVかPDFでいただけると嬉しいです。

高橋 涼
株式会社クモデザイン 情報システム担当

> 株式会社クモデザイン 御中
> 11月分のご請求金額は ￥286,440（税込）です。
> お支払期日：2026年12月10日
> 口座振替日：2026年12月10日
""",
        fmt="utf8-qp",
        batch=H16,
    ),
    M(
        "h16-ja-billing-ryoshusho-freelance.eml",
        "billing",
        "確定申告用にカード払い分の領収書をまとめて発行してほしい",
        sender=("森田 さやか", "sayaka.morita@gmail.example"),
        subject="領収書の発行をお願いできますか",
        body="""はじめてご連絡します。フリーランスでWebデザインをしている森田と申します。

Adobe Creative Cloud（コンプリートプラン）を御社経由でカード払いで契約しています。
確定申告の準備をしていて、今年1月から10月までのカード払い分の領収書が必要になりました。
カード会社の明細だけだと不安なので、御社名義の領収書（宛名：森田デザイン事務所）をPDFでまとめていただくことはできますか？

お手数ですがよろしくお願いします。

森田 さやか
森田デザイン事務所

iPhoneから送信
""",
        fmt="alt",
        batch=H16,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h16-en-disputes-charged-after-cancel.eml",
        "disputes",
        "contests ten months of charges for a plan cancelled in January and wants them reversed",
        sender=("Gareth Pryce", "gareth@pryceandco-surveyors.example"),
        subject="Why am I still paying for Dropbox??",
        body="""We cancelled our Dropbox Business plan in January. I have your confirmation email
from 14 Jan 2026 (ref CAN-77120) in front of me.

Your November invoice has charged us £198 for it again. Looking back, so have the last ten.
That's nearly two grand for something we haven't used all year.

I want every one of those charges reversed and the money back on the card. Don't send me
another explanation of how annual plans work.

Gareth Pryce
Pryce & Co Chartered Surveyors
""",
        batch=H16,
    ),
    M(
        "h16-en-disputes-azure-egress-brazil.eml",
        "disputes",
        "contests an egress line for a region never used, rules out compromise, wants it credited",
        sender=("Ingrid Solberg", "ingrid.solberg@fjordmetrics.example"),
        subject="Azure October bill - bandwidth charges in Brazil South",
        body="""Hi,

Going through our October Azure invoice (INV-2026-10-18820) I found 41.7 TB of outbound
data transfer billed against Brazil South, €3,612.40 in total. We have never deployed
anything in Brazil South. All our resources are in West Europe and North Europe, and I've
double-checked with Resource Graph and the activity log for the whole tenant: no resources,
no deployments, nothing created or deleted there at any point.

Our security team has also looked at the sign-in logs and found nothing unusual, so we're
fairly confident this is a metering or attribution error on Microsoft's side rather than
anything on ours. Our normal egress is around 2 TB a month.

Could you take this up with Microsoft and get the line removed / credited? Happy to send the
cost analysis exports. We'll pay the rest of the invoice as normal.

Thanks,
Ingrid
--
Ingrid Solberg
Platform Engineering Lead, FjordMetrics AS
""",
        fmt="utf8-qp",
        batch=H16,
    ),
    M(
        "h16-en-disputes-seat-count-vietnam.eml",
        "disputes",
        "invoiced for 25 licences but agreed and uses 18; will pay only the correct amount",
        sender=("Nguyen Thi Thu Ha", "ha.nguyen@saigonbridge-trading.example"),
        subject="wrong licence number in invoice",
        body="""Dear Cloud Partner team,

I am writing about invoice no. CP-2611-00742 for Microsoft 365 Business Standard. In invoice
you charge us for 25 license, but our company only have 18 staff and in admin center I see
only 18 license are assigned, the other 7 is never used from the beginning. When we sign the
contract in July we agree with your sales Mr. Kevin for 18 only, I can send you the email.

So I think amount is not correct, it should be 18 x 12.50 USD not 25 x 12.50 USD. Please
check with Microsoft and send us correct invoice, we can pay the correct amount only. For
the months August, September, October also same problem, I just notice now, sorry.

Thank you very much and have a nice day.

Best regards,
Nguyen Thi Thu Ha (Ms.)
Accountant
Saigon Bridge Trading Co., Ltd
Ho Chi Minh City, Vietnam
""",
        fmt="utf8-b64",
        batch=H16,
    ),
    M(
        "h16-en-disputes-am-fwd-discount-missing.eml",
        "disputes",
        "our account manager forwards a renewal invoiced at list price instead of the quoted discount",
        sender=("Olivia Brandt", "olivia.brandt@cloudpartner.example"),
        subject="Fw: Salesforce renewal invoice - NOT what we signed",
        body="""Hi billing,

Forwarding from Rajesh at Wexford Analytics. He's right as far as I can see: the renewal
quote Q-26-0915 I sent in September had the 18% multi-year discount on Sales Cloud
Unlimited, and the invoice went out at list. Can you pick this up with Salesforce, they'll
need to correct the order. Customer is annoyed but reasonable, please keep me copied.

Thanks
Olivia

Olivia Brandt | Senior Account Manager | CloudPartner

-----Original Message-----
From: Rajesh Menon <r.menon@wexford-analytics.example>
Sent: 24 November 2026 17:48
To: Olivia Brandt <olivia.brandt@cloudpartner.example>
Subject: Salesforce renewal invoice - NOT what we signed

Olivia,

The renewal invoice INV-2026-11-21577 for our 60 Unlimited seats is for $237,600. The quote
we signed (Q-26-0915, attached to your own email of 12 September) was $194,832 after the 18%
multi-year discount. That's a $42,768 difference.

Our AP will pay $194,832 against this invoice and nothing more until we have a corrected
one. I'd rather not involve our procurement director, so I hope this can be sorted quickly.

Rajesh Menon
Head of Revenue Operations, Wexford Analytics
""",
        fmt="alt",
        batch=H16,
    ),
    M(
        "h16-en-disputes-aws-support-plan-reply.eml",
        "disputes",
        "rejects a support-plan charge it never enabled and asks for it to be raised with AWS",
        sender=("Marcus Feld", "marcus.feld@orbitcart.example"),
        subject="Re: [CP-#41203] AWS charges October - Business Support",
        body="""That doesn't really answer my question. I know what Business Support is and how it's
priced. The point is we never enabled it. Nobody in our team upgraded the support plan, and
CloudTrail shows no support plan change from any of our IAM users. It appears on the invoice
from 1 October out of nowhere, $1,336 for October and I expect the same again in November.

We're not accepting that charge. Please raise it with AWS through your channel, get the plan
reverted to Developer and have October credited. If AWS says someone on our side enabled it
I'd like to see the evidence.

Marcus

On Mon, 23 Nov 2026 at 11:05, CloudPartner Billing <billing@cloudpartner.example> wrote:
> Dear Marcus,
>
> Thank you for your message. The line "AWS Support (Business)" on invoice
> INV-2026-10-19044 is the monthly charge for the AWS Business Support plan, which is billed
> as a percentage of your monthly AWS usage (10% of the first $10,000, 7% above that). Your
> October usage was $14,800, which comes to $1,336.
>
> Payment is due on 30 November by card as usual. If you have any further questions about
> your invoice, please let us know.
>
> Kind regards,
> CloudPartner Billing Support
""",
        fmt="html",
        batch=H16,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h16-ja-disputes-kaiyaku-zumi-license.eml",
        "disputes",
        "解約済みの10ライセンス分の請求を認めず、ベンダー確認と訂正を求める",
        sender=("佐々木 健一", "sasaki@minato-kogyo.example"),
        subject="11月分請求書の内容について（解約済みライセンス）",
        body="""クラウドパートナー株式会社
ご担当者様

いつもお世話になっております。港工業の佐々木でございます。

11月分の請求書（請求書番号：CP-2611-01893）を拝見いたしましたところ、Microsoft 365 E3が50ライセンス分で請求されておりました。
しかしながら、弊社では9月末日をもって10ライセンスを解約しており、貴社の吉田様より9月28日付で「解約手続き完了」のご連絡も頂戴しております。

つきましては、10ライセンス分（￥45,100）は弊社として認められませんので、マイクロソフト社へご確認のうえ、40ライセンス分で請求書を訂正いただけますようお願い申し上げます。
なお、10月分の請求書も同様に50ライセンスとなっておりましたので、あわせてご確認ください。

訂正後の請求書を頂戴するまで、当該差額分のお支払いは保留させていただきます。

何卒よろしくお願い申し上げます。
"""
        + sig_ja("港工業株式会社", "総務部", "佐々木 健一", "3380"),
        fmt="iso2022",
        batch=H16,
    ),
    M(
        "h16-ja-disputes-inchou-seat-count.eml",
        "disputes",
        "院長が契約20席に対し35席の請求を拒否し、説明と正しい請求書を求める",
        sender=("医療法人さくら会 院長 田村", "tamura@sakura-clinic.example"),
        subject="請求額",
        body="""先月の請求額がおかしい。
契約はMicrosoft 365の20席のはず。請求書は35席になっている。
こちらで増やした覚えはない。35席分は払わない。
経緯を説明のうえ、正しい請求書を出し直すように。

田村
""",
        fmt="sjis",
        batch=H16,
    ),
    M(
        "h16-ja-disputes-price-increase-midterm.eml",
        "disputes",
        "年間契約中の無通知の単価値上げ分を受け入れず、旧単価での請求訂正を求める",
        sender=("中川 美穂", "m.nakagawa@ginga-shuppan.example"),
        subject="Google Workspace 単価改定分の請求について",
        body="""クラウドパートナー株式会社
ご担当者様

お世話になっております。銀河出版 管理部の中川です。

10月分のGoogle Workspace（Business Standard、62ユーザー）の請求で、1ユーザーあたりの単価が￥1,360から￥1,600に上がっておりました。
弊社は年間プランで契約しており、契約期間中（2027年3月まで）は単価据え置きと伺っておりました。また、単価改定について貴社からもGoogleからも事前のご案内は一切受け取っておりません。

契約書の写しが必要でしたら改めてお送りしますが、少なくとも現契約期間中の値上げ分（62ユーザー × ￥240 ＝ ￥14,880／月）はお受けできません。
Google側へ確認いただき、旧単価での請求に訂正していただくようお願いいたします。

ご確認のほど、よろしくお願いいたします。

中川 美穂
株式会社銀河出版 管理部
""",
        fmt="utf8-qp",
        batch=H16,
    ),
    M(
        "h16-ja-disputes-fwd-adobe-double-line.eml",
        "disputes",
        "経理からの転送：同一期間の同一ライセンスが2行請求され、取り消しと返金を求める",
        sender=("木下 修", "kinoshita@hikari-kenchiku.example"),
        subject="Fwd: Adobeの請求が二重になっている件",
        body="""クラウドパートナー 請求窓口 御中

光建築設計事務所の木下です。経理から下記の連絡がありましたので転送します。
請求書を確認したところ、たしかに同じ期間の同じライセンスが2行あります。
1行分（￥93,720）の取り消しと、既にカードで引き落とされている分の返金をお願いします。

---------- Forwarded message ---------
From: 経理 小池 <koike@hikari-kenchiku.example>
Date: 2026年11月24日(火) 16:02
Subject: Adobeの請求が二重になっている件
To: 木下 修 <kinoshita@hikari-kenchiku.example>

木下さん

クラウドパートナーさんの11月の請求書（CP-2611-02264）ですが、
「Adobe Creative Cloud コンプリート（12ライセンス）2026/11/01-2026/11/30」
が全く同じ内容・同じ金額で2行入っていて、合計が倍になっています。
カードからも倍額の￥187,440が引き落とされています。
先方に確認して取り消してもらってください。

小池
""",
        fmt="utf8-b64",
        batch=H16,
    ),
    M(
        "h16-ja-disputes-azure-reservation-not-ordered.eml",
        "disputes",
        "見積もりのみで発注していないAzure予約の一括請求の取り消しを求める",
        sender=("情報システム部 岡本", "okamoto.t@kitaguni-unyu.example"),
        subject="Azure 予約インスタンスの請求について（注文しておりません）",
        body="""クラウドパートナー株式会社
ご担当 様

北国運輸 情報システム部の岡本です。

11月分のAzure請求書に「Reserved VM Instance, D8s v5, 3 Years」として ￥2,184,000 の一括請求が計上されています。
9月に貴社営業の方へ3年予約の見積もりを依頼したのは事実ですが、社内稟議が通らなかったため、10月2日のメールで「今回は見送ります」とお伝えしており、注文書も発行しておりません。
Azureポータル上でも、予約の購入者は貴社のパートナーアカウントとなっていました。

発注していないものの請求ですので、予約のキャンセルと請求の取り消しをマイクロソフトへ申請していただけますでしょうか。
対応の経過もあわせてお知らせください。

よろしくお願いいたします。
""",
        fmt="html",
        batch=H16,
    ),
    # ------------------------------------------------------------------ collections (en)
    M(
        "h16-en-collections-declined-card-monday.eml",
        "collections",
        "declined card on an invoice; promises to pay when the new card arrives Monday",
        sender=("Sam Okafor", "sam@okafor-events.example"),
        subject="Re: Payment failed - action required",
        body="""Yeah sorry, bank blocked the card after a fraud scare last week. New one arrives Monday,
I'll put it in the portal the same day and you can rerun the £1,146.80. Please don't cut
off our email in the meantime, we've got three weddings this weekend.

Sam

Sent from my iPhone

> On 24 Nov 2026, at 09:14, CloudPartner Billing <billing@cloudpartner.example> wrote:
>
> Dear customer, we were unable to collect payment for invoice INV-2026-11-20455
> (£1,146.80). Your card issuer declined the transaction. Please update your payment
> details within 7 days to avoid interruption of service.
""",
        batch=H16,
    ),
    M(
        "h16-en-collections-charity-payment-plan.eml",
        "collections",
        "three unpaid invoices; treasurer proposes an instalment plan until a grant arrives",
        sender=("Jean McAllister", "treasurer@northfield-foodbank.example"),
        subject="Northfield Community Food Bank - outstanding invoices",
        body="""Dear Sir or Madam,

I am the volunteer treasurer of Northfield Community Food Bank (registered charity
SC048812). I'm afraid I have to write about the three invoices we have not paid, for
August, September and October (Microsoft 365 Business Basic and the Azure backup, about
£310 each, £932.16 in total). Your letter and last week's email both reached me.

Our running costs are covered by a council grant that is paid quarterly, and this year the
council's payment has been delayed by their own system change. We have been told to expect
it in mid-January. I do not want the food bank to be in debt to anyone, and the volunteers
depend on the email to coordinate pick-ups from the supermarkets, so I would like to
propose the following if you are agreeable:

- £150 now (I can send it by bank transfer this week)
- £150 on 15 December
- the balance of £632.16 when the grant arrives, and in any case by 31 January

November's invoice I will pay on time. I would be very grateful if the account could remain
open while this is arranged. Please let me know if you need anything in writing from our
trustees.

Yours faithfully,

Jean McAllister
Honorary Treasurer
Northfield Community Food Bank
""",
        fmt="utf8-qp",
        status="delinquent",
        batch=H16,
    ),
    M(
        "h16-en-collections-returned-direct-debit.eml",
        "collections",
        "direct debit returned unpaid; asks what is owed and how to pay it today",
        sender=("Hannah Kowalczyk", "accounts@meridian-physio.example"),
        subject="Direct debit returned - what do we owe?",
        body="""Hi,

Our bank has just told us that your direct debit for the 1 November collection was returned
unpaid (reason: 'instruction cancelled'). That's our fault - we moved the practice account
from Barclays to Starling in October and the old mandates were cancelled before we'd set up
the new ones.

Can you tell me:
1. exactly how much is outstanding now (I think it's the November Microsoft 365 + Dropbox
   invoice, but I'm not sure if there's a returned-payment fee on top)
2. your bank details so I can transfer it today
3. how to set up a new mandate on the Starling account for December onwards

Sorry for the hassle.

Hannah Kowalczyk
Practice Manager, Meridian Physiotherapy
0161 555 0193
""",
        fmt="alt",
        batch=H16,
    ),
    M(
        "h16-en-collections-hospital-ap-payment-run.eml",
        "collections",
        "reply to a pre-suspension notice: overdue invoice approved for a later payment run",
        sender=("Accounts Payable - Riverside Health", "ap@riverside-health.example"),
        subject="RE: Account 10442 - notice before suspension",
        body="""Good afternoon,

Apologies for the delay on this one. Invoice INV-2026-09-17302 ($18,406.25, Azure
September) was held in our three-way match because the goods receipt was never entered by
our IT department. That has now been done and the invoice is approved for our 10 December
payment run, by ACH.

Please note this in your records and hold off on any suspension. Azure hosts our patient
scheduling system, so an interruption would be very serious for us. If you need the
confirmation on letterhead from our Controller, let me know.

Regards,
Diane Castillo
Accounts Payable Specialist
Riverside Health System

CONFIDENTIALITY NOTICE: This message may contain protected health information or other
confidential information intended only for the named recipient. If you are not the intended
recipient, you are hereby notified that any disclosure, copying or distribution is strictly
prohibited.

-----Original Message-----
From: CloudPartner Billing <billing@cloudpartner.example>
Sent: Monday, November 23, 2026 8:02 AM
To: Accounts Payable <ap@riverside-health.example>
Subject: Account 10442 - notice before suspension

Dear Riverside Health,

Invoice INV-2026-09-17302 for $18,406.25 is now 54 days past due. If payment is not
received by 4 December 2026, access to the associated subscriptions will be suspended in
line with our payment terms.

CloudPartner Billing
""",
        fmt="html",
        batch=H16,
    ),
    M(
        "h16-en-collections-msp-paid-reactivate.eml",
        "collections",
        "client suspended for non-payment has now paid the arrears; MSP asks for reactivation",
        sender=("Luca Bianchi", "luca@alpinenet-msp.example"),
        subject="Client Verdi Architetti - paid, please reactivate Workspace",
        body="""Hello,

I manage IT for Verdi Architetti (your account VA-3391). They ignored your reminders for a
while, I'm afraid - the owner was in hospital and nobody else was handling the post - and
their Google Workspace was suspended yesterday for the unpaid July to October invoices.

This morning their office manager paid the full outstanding amount, EUR 2,284.00, by SEPA
transfer. The bank confirmation reads:

  Ordinante: Verdi Architetti Associati
  Beneficiario: CloudPartner Ltd
  Importo: EUR 2.284,00
  Data esecuzione: 25/11/2026
  Causale: VA3391-NOV saldo fatture luglio-ottobre

SEPA can take a day to land. Could you reactivate the account against this, or tell me what
you need from us to do so? 14 people cannot read their email.

Also, could invoices go to their office manager from now on
(segreteria@verdi-architetti.example) so this does not happen again.

Thanks,
Luca Bianchi
AlpineNet MSP - Bolzano
""",
        fmt="utf8-b64",
        status="suspended",
        batch=H16,
    ),
    # ------------------------------------------------------------------ collections (ja)
    M(
        "h16-ja-collections-chien-owabi-yotei.eml",
        "collections",
        "2か月分の支払遅延のお詫びと分けての支払予定日の提示、利用継続の依頼",
        sender=("経理課 石田", "ishida@yamabuki-shoji.example"),
        subject="お支払い遅延のお詫びとお支払予定日のご連絡",
        body="""クラウドパートナー株式会社
ご請求ご担当者様

いつも大変お世話になっております。
山吹商事株式会社 経理課の石田でございます。

先般ご送付いただきましたお支払いのご案内につきまして、9月分および10月分（合計￥326,700）のお支払いが遅れておりますこと、誠に申し訳ございません。
弊社取引先からの入金遅延が重なり、資金繰りの都合上、お支払いが滞っておりました。

大変恐縮ではございますが、下記の日程にてお支払いさせていただきたく存じます。
　9月分　￥158,400　11月30日　お振込み
　10月分　￥168,300　12月15日　お振込み

ご迷惑をおかけし、重ねてお詫び申し上げます。
つきましては、ご利用中のサービスにつきまして、引き続きご利用させていただけますと幸いでございます。

何卒よろしくお願い申し上げます。
"""
        + sig_ja("山吹商事株式会社", "経理課", "石田 和夫", "4417"),
        fmt="iso2022",
        status="delinquent",
        batch=H16,
    ),
    M(
        "h16-ja-collections-furikomi-wasure.eml",
        "collections",
        "期限経過の通知への返信：振込忘れを詫び、本日振り込むと約束",
        sender=("藤本", "fujimoto@sakaguchi-sekkei.example"),
        subject="Re: 【重要】お支払期限経過のお知らせ",
        body="""お世話になっております。坂口設計の藤本です。

ご連絡ありがとうございます。確認しましたところ、10月末期限の分を振込処理し忘れておりました。大変申し訳ありません。
本日15時までに振り込みます。金額は￥64,350で間違いないでしょうか。
振込名義は「サカグチセッケイ（カ」になります。

入金確認できましたらご一報いただけると助かります。

-----Original Message-----
From: クラウドパートナー 請求窓口
Sent: Wednesday, November 25, 2026 9:30 AM
Subject: 【重要】お支払期限経過のお知らせ

坂口設計株式会社 御中

2026年10月31日お支払期限のご請求（請求書番号 CP-2610-04417、￥64,350）につきまして、本日時点でご入金が確認できておりません。
お手数ですが、至急お振込みくださいますようお願いいたします。
""",
        fmt="sjis",
        batch=H16,
    ),
    M(
        "h16-ja-collections-furikae-funou-hoikuen.eml",
        "collections",
        "残高不足で口座振替不能、再引き落としか振込かを問い合わせ",
        sender=("ひまわり保育園 事務 大塚", "otsuka@himawari-hoikuen.example"),
        subject="口座振替ができなかったとの通知について",
        body="""クラウドパートナー様

ひまわり保育園の大塚と申します。
本日、11月分のMicrosoft 365利用料の口座振替ができなかった（残高不足）というハガキが届きました。園の口座の残高を確認しておらず、申し訳ございません。

再度の引き落としはありますか？それとも振込でお支払いすればよいでしょうか。
振込の場合は振込先を教えてください。金額は￥19,800と書いてあります。

パソコンに詳しくないので、メールが止まったりしないか心配です。よろしくお願いいたします。

社会福祉法人ひまわり会 ひまわり保育園
事務 大塚 典子
""",
        batch=H16,
    ),
    M(
        "h16-ja-collections-bunkatsu-soudan.eml",
        "collections",
        "数か月分の未払いを認め、月2万円の分割払いを相談",
        sender=("森 健太", "kenta@mori-photo.example"),
        subject="支払いの相談です",
        body="""お世話になってます、森写真事務所の森です。

正直に書きます。今年の夏からAdobeとDropboxの料金を払えていなくて、たぶん4か月分くらい溜まってます（メールも何通かいただいてました、すみません）。
やっと持ち直したと思ったら、大口のクライアントが倒産してしまって売掛金が飛びました。

一括は厳しいので、毎月2万円ずつの分割にしてもらうことはできませんか。12月から始めて、確定申告の還付が入ったら残りをまとめて払います。
仕事道具なので、Adobeだけは止められると本当に困ります。

よろしくお願いします。
森 健太
""",
        fmt="utf8-qp",
        batch=H16,
    ),
    M(
        "h16-ja-collections-teishi-yuuyo.eml",
        "collections",
        "利用停止の通知を受け、未払い分の支払期日延長と停止猶予を依頼",
        sender=("株式会社ノースリンク 管理部 酒井", "sakai@northlink.example"),
        subject="ご通知の件（お支払期日延長のお願い）",
        body="""クラウドパートナー株式会社
ご担当者様

株式会社ノースリンク 管理部の酒井でございます。

11月20日付のご通知を拝受いたしました。8月分から10月分までのお支払いが滞っておりますこと、大変申し訳ございません。

現在、金融機関からの融資実行を待っている状況でございまして、12月10日には実行される見込みでございます。
つきましては、お支払期日を12月11日まで延長していただき、それまでの間、Microsoft 365およびSalesforceのご利用停止を猶予いただくことはできませんでしょうか。

12月11日に未払い分全額（￥1,062,600）を一括でお振込みいたします。
必要であれば、支払誓約書を提出いたします。

何卒ご検討のほど、よろしくお願い申し上げます。

株式会社ノースリンク
管理部 部長 酒井 隆
""",
        fmt="html",
        batch=H16,
    ),
    # ------------------------------------------------------------------ escalations (en)
    M(
        "h16-en-escalations-licences-gone-after-transfer.eml",
        "escalations",
        "140 users lost their licences after a partner transfer; needs Microsoft now, not a payment issue",
        sender=("Priya Natarajan", "priya.natarajan@halcyon-insure.example"),
        subject="All M365 licences gone after transfer to you - 140 users down",
        body="""Hi,

We completed the partner transfer of our Microsoft 365 subscriptions from our old provider
to you last night (the transfer request you sent us on 18 Nov). This morning every one of
our 140 users has lost their E5 licence. In the admin centre the old subscriptions show as
'Disabled' and the new ones under CloudPartner show 0 licences. Nobody can open Outlook or
Teams; our claims team is working off personal phones.

This is not a payment issue: we paid the old provider in full to the end of November and
your first invoice isn't due until December. I think the new subscriptions were created
with the wrong quantity or weren't activated.

Please get Microsoft on this through your partner channel right now and give me the case
number. I'm at my desk all day on +44 20 7946 0312.

Priya Natarajan
Head of IT, Halcyon Insurance Brokers
""",
        batch=H16,
    ),
    M(
        "h16-en-escalations-aws-case-stuck.eml",
        "escalations",
        "vendor case stuck for 22 days despite a promise to chase it through the partner channel",
        sender=("Felix Hartmann", "felix.hartmann@quantwerk.example"),
        subject="Re: AWS case 17293340581 - still nothing",
        body="""Hello again,

It's now 22 days since AWS opened case 17293340581 for moving our two member accounts into
your payer organisation, and the case is still in 'Pending Amazon action'. Your colleague
said on 10 November that she would push it through the partner channel. Since then: nothing
from AWS, nothing from you.

Meanwhile the two accounts are still billed by AWS directly on my personal credit card,
which our auditors will flag at year end. I need someone with partner access to chase AWS
properly and give me a date.

Felix

Felix Hartmann
CTO, Quantwerk GmbH
Quantwerk GmbH · Sitz: München · Registergericht München HRB 271144 · Geschäftsführer:
Felix Hartmann, Sabine Roth

> Am 10.11.2026 um 14:22 schrieb Claire Dubois <claire.dubois@cloudpartner.example>:
>
> Hi Felix,
> Thanks for the case number. I have asked our AWS partner team to follow up on
> 17293340581 and will let you know as soon as I hear back.
> Best,
> Claire
""",
        fmt="utf8-qp",
        batch=H16,
    ),
    M(
        "h16-en-escalations-gdpr-wrong-invoice-recipient.eml",
        "escalations",
        "personal-data incident: another customer's invoice and user list received; GDPR clock",
        sender=("Aleksandra Nowicka", "dpo@vistula-pharma.example"),
        subject="Personal data incident - we received invoice of other company",
        body="""Dear Sirs,

I am Data Protection Officer of Vistula Pharma S.A. Today at 08:40 our finance mailbox
received from your billing system an e-mail with invoice and usage report which belong to
another of your customers (company name and data removed by me, I will not forward it). The
report contain names and e-mail addresses of about 300 employees of that company, with their
licence assignments.

Also, we must assume that our own invoice and user list may have been sent to somebody else
in the same way.

Under GDPR art. 33 the processor must inform the controller without undue delay, and we
have 72 hours for our own assessment. Please confirm today:
- that you are aware and have stopped the sending,
- whether our data was affected,
- the contact person for this incident.

We have deleted the e-mail and I can provide the message headers if needed.

Regards,
Aleksandra Nowicka
Inspektor Ochrony Danych / Data Protection Officer
Vistula Pharma S.A., Warszawa

Ta wiadomość jest poufna. Jeżeli nie jest Pan/Pani adresatem, prosimy o jej usunięcie.
This message is confidential. If you are not the addressee, please delete it.
""",
        fmt="alt",
        batch=H16,
    ),
    M(
        "h16-en-escalations-ceo-third-time.eml",
        "escalations",
        "chief executive's complaint about an unresolved vendor-side tenant link with a hard date",
        sender=("Richard Ashdown", "r.ashdown@ashdown-group.example"),
        subject="Third time of asking",
        body="""To whoever runs CloudPartner,

This is the third time in a month my IT manager has asked for the Azure tenant of our new
Leeds subsidiary to be linked to our group agreement. Three tickets, three polite replies
promising someone will 'look into it', no result. The subsidiary opens on 1 December with
80 staff and no systems.

I don't want a fourth ticket number. I want a call today from someone senior enough to get
Microsoft to move, and a firm date. If that isn't possible, tell me, and we will move the
group's entire Microsoft estate (around £40k a month with you) to a provider who answers.

(For what it's worth, our finance team also thinks October's invoice has a duplicated line.
That can wait.)

Richard Ashdown
Chief Executive, Ashdown Group plc

Ashdown Group plc. Registered in England and Wales No. 04418902. Registered office:
1 Canal Wharf, Leeds LS11 5PS.
""",
        fmt="html",
        batch=H16,
    ),
    M(
        "h16-en-escalations-azure-gpu-compromise.eml",
        "escalations",
        "live security incident: attacker creating GPU VMs in the subscription; cost comes later",
        sender=("Tran Minh Duc", "duc.tran@mekongsoft.example"),
        subject="Azure subscription hacked?? GPU VMs running we did not create",
        body="""Hi CloudPartner,

Please help quickly. This morning (Vietnam time) our cost alert fire: in our Azure
subscription there is 24 virtual machine NC-series with GPU running in East US and Japan
East, created last night 01:12 by one account 'svc-deploy' which is our CI service
principal. We did not create these, we never use GPU. Cost is already more than 14,000 USD
and increase every hour.

We disabled the service principal and rotate the secret, but now someone is creating VMs
from another user, I think they have Global Admin also. We cannot delete fast enough and my
admin account show 'access denied' on some resource group now.

We need Microsoft security team to lock this subscription / tenant now. Your are our partner
so please open a severity A case with Microsoft for us and tell me the number. About the
cost we talk later, first must stop it.

Tran Minh Duc
Technical Lead, MekongSoft JSC
Da Nang, Vietnam
+84 236 555 0147
""",
        fmt="utf8-b64",
        batch=H16,
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "h16-ja-escalations-shachou-mail-down.eml",
        "escalations",
        "社長から：朝から全社員のメールが送受信不能、業務停止で至急対応を要求",
        sender=("大森 剛", "omori@omori-kensetsu.example"),
        subject="メールが使えない",
        body="""朝からメールが一切送受信できない。
Outlookもブラウザもだめ。社員20人全員。
請求は毎月ちゃんと払っている。
午後に元請との打ち合わせがあり、図面のやりとりができないと困る。
至急原因を調べて連絡をくれ。

大森建設株式会社
代表取締役 大森 剛
携帯 090-5555-2718
""",
        fmt="sjis",
        batch=H16,
    ),
    M(
        "h16-ja-escalations-adobe-vip-kigen-honjitsu.eml",
        "escalations",
        "本日期限切れのAdobe VIP更新が反映されず、明日から60名が使えなくなるためベンダー確認が今日必要",
        sender=("内田 智子", "uchida@sora-ad.example"),
        subject="【本日期限】Adobe VIP更新が反映されていません",
        body="""クラウドパートナー株式会社
ご担当者様

いつもお世話になっております。そら広告 制作部の内田です。

弊社のAdobe VIP契約（VIP ID：7A3C91F20E55）の更新についてご相談です。
11月14日に貴社の田中様経由で更新注文（60ライセンス）をお願いし、注文書も同日に提出しております。
ところが本日時点でもAdobe管理コンソール上の契約終了日が「2026年11月25日」のままで、更新が反映されておりません。

このままですと明日から制作部60名がCreative Cloudを使えなくなり、年末の入稿作業が完全に止まってしまいます。
大変恐縮ですが、本日中にAdobe側へご確認いただき、状況をご連絡いただけますでしょうか。

お支払いについては、更新分の請求書が届き次第、通常どおりお振込みいたします。

何卒よろしくお願い申し上げます。

株式会社そら広告
制作部 内田 智子
TEL：03-5555-8842
""",
        fmt="iso2022",
        batch=H16,
    ),
    M(
        "h16-ja-escalations-ms-case-no-answer.eml",
        "escalations",
        "マイクロソフトのケースが2週間無回答、パートナー経由のエスカレーションを依頼",
        sender=("渡辺 大輔", "d.watanabe@kaede-sys.example"),
        subject="Re: Microsoft サポートケースの件（ケース番号 2611100040001234）",
        body="""クラウドパートナー
堀様

お世話になっております。かえでシステムの渡辺です。

先日ご連絡いただいたケースですが、その後マイクロソフトから一度も回答がありません。もう2週間になります。
Exchange Onlineの共有メールボックス3つが移行後に開けない状態は継続しており、経理部が請求書の受け取りに使っているアドレスのため、月末の締めに影響が出ます。

パートナー経由でのエスカレーション、または担当エンジニアの変更をマイクロソフトへ依頼していただけないでしょうか。
月末（11月30日）までに解決しないと困ります。

よろしくお願いいたします。

渡辺

> 渡辺様
>
> お世話になっております。クラウドパートナーの堀です。
> マイクロソフトへケースを起票いたしました。
> ケース番号：2611100040001234
> 回答があり次第ご連絡いたします。
>
> 堀
""",
        batch=H16,
    ),
    M(
        "h16-ja-escalations-salesforce-data-loss-legal.eml",
        "escalations",
        "移行作業でのデータ消失について法務部が書面回答を求め、法的措置を示唆",
        sender=("法務部 長谷川", "hasegawa.legal@tsubame-realty.example"),
        subject="Salesforce データ移行時のデータ消失について（ご通知）",
        body="""クラウドパートナー株式会社
代表取締役 殿

つばめ不動産株式会社 法務部の長谷川でございます。

2026年11月14日から15日にかけて貴社にて実施いただいたSalesforce組織の統合作業において、弊社の顧客情報（商談・取引履歴 約12,000件）が消失していることが判明いたしました。
現時点で貴社サポート窓口からは「Salesforce社に確認中」との回答のみで、復旧の見通しが示されておりません。

当該データは宅地建物取引業法上の保存義務がある記録を含んでおり、弊社としては重大な事態と受け止めております。
つきましては、下記について11月27日までに書面にてご回答ください。

1. Salesforce社へのデータ復旧依頼の状況およびケース番号
2. 復旧の可否と見通し
3. 消失に至った経緯

ご回答の内容によっては、顧問弁護士と協議のうえ、法的措置を検討せざるを得ないことを申し添えます。

つばめ不動産株式会社
法務部 長谷川 聡
""",
        fmt="utf8-b64",
        batch=H16,
    ),
    M(
        "h16-ja-escalations-fwd-sales-azure-disabled.eml",
        "escalations",
        "営業からの転送：入金済みなのに本番Azureが無効化されライン停止、至急ベンダーへ",
        sender=("営業部 中村", "nakamura.s@cloudpartner.example"),
        subject="転送: 【至急】本番環境が停止しています",
        body="""請求チーム各位

営業の中村です。お客様（ミドリ精機様）から下記の連絡がありました。
入金は11月20日に経理で確認済み（CP-2610-03381、￥2,640,000）で、延滞はありません。
それにもかかわらずAzureのサブスクリプションが「無効」になっており、本番の生産管理システムが止まっています。
何らかの誤りでマイクロソフト側で無効化されたと思われますので、至急パートナーサポート経由で復旧を依頼してください。ケース番号が取れたら私にも共有をお願いします。

中村

-------- 転送メッセージ --------
差出人: 木村 浩二 <kimura@midori-seiki.example>
日付: 2026年11月25日 8:47
件名: 【至急】本番環境が停止しています

中村様

ミドリ精機の木村です。
今朝からAzureのポータルでサブスクリプションが「無効」と表示され、生産管理システムのVMがすべて停止しています。
工場の出荷指示が出せず、ラインが止まっています。
支払いは先週済ませているはずです。至急確認してください。

ミドリ精機株式会社
情報システム部長 木村 浩二
""",
        fmt="alt",
        batch=H16,
    ),
]
