"""Held-out batch 14 of the routing corpus (see make_routing_holdout.py), written BLIND on
2026-11-25: config/rules.toml, ticketing/rules.py, ticketing/routing_ops.py, the rules tests
and every earlier routing mail stayed closed while writing, and the router was never run on
these mails. Each label is the queue a competent billing-support lead would pick from the NEW
text of the mail (quoted history is background). All four queues, ten each, half English and
half Japanese: procurement and accounts payable, small-business owners, IT admins, a CEO and
a Japanese executive, our own sales staff forwarding a customer, non-native English (German,
Indian, Chinese, Brazilian, French), keigo and casual Japanese, replies with quoted history,
forwards, Outlook disclaimers, typos, HTML-only, ISO-2022-JP, Shift_JIS (CP932), QP and
base64. Several mails sit close to another queue on purpose but have one defensible label.

- "holdout-14": SEALED until the rules change in progress is finished, then measured once,
  and never tuned on. Do not edit these mails to suit the rules.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja

H14 = "holdout-14"

HOLDOUT_14: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h14-en-billing-po-number-consolidated-subsidiaries.eml",
        "billing",
        "asks for the new PO number on invoices, one consolidated invoice for the subsidiaries and a new AP address; nothing contested or overdue",
        sender=("Katrin Oberländer", "k.oberlaender@hanseatic-logistik.example"),
        subject="Invoice format from 2027 - PO number and subsidiaries",
        body="""Hello billing team,

from January our group procurement is changing the process, so I need to ask for some changes on the invoices. Sorry for the long mail.

1) Every invoice must show our new purchase order number 4500-88172 in the header, not in the line text. Our scanning software does not find it otherwise and the invoice is sent back to sender automatically (this is not from us, this is the system...).
2) The Microsoft 365 and Azure for Hanseatic Logistik Polska and Hanseatic Logistik CZ should come on the one consolidated invoice to the holding, but with a sub-total per company. Today we get three separate invoices and I must split them by hand in Excel.
3) Can you send the invoices to ap-invoices@hanseatic-logistik.example instead of to me personally? I am on parental leave from March.

Is this possible already from the December invoice, or only from January? If there is a form to fill, please send it to me.

Thank you and best regards
Katrin
"""
        + sig_en("Katrin Oberländer", "Group Procurement", "Hanseatic Logistik GmbH"),
        fmt="utf8-qp",
        batch=H14,
    ),
    M(
        "h14-en-billing-card-expiring-switch-to-transfer.eml",
        "billing",
        "changes the payment method before the card expires; no payment has failed",
        sender=("Marco Esposito", "marco@espositodesign.example"),
        subject="card on file",
        body="""hi, our visa ending 4417 expires end of this month and the bank is not renewing it. from the december invoice can we pay by bank transfer instead? send me the account details pls

marco

Sent from my iPhone
""",
        batch=H14,
    ),
    M(
        "h14-en-billing-azure-usage-breakdown-per-resource-group.eml",
        "billing",
        "wants the higher Azure usage broken down per resource group for cost allocation and says the amount is not being questioned",
        sender=("Venkatesh Raghunathan", "venkatesh.r@srisaiinfotech.example"),
        subject="Request for Azure consumption breakdown - Oct invoice",
        body="""Dear Sir/Madam,

Greetings of the day.

Kindly note that our Azure consumption in the October invoice has come to INR 8,42,310 against INR 5,10,000 in September. I wish to clarify that we are not questioning the amount, our dev team has done load testing in the month of October and the same was approved by management. However our finance controller has asked me to provide the breakdown resource group wise and also meter wise for the purpose of internal cost allocation to the project codes.

The invoice PDF is showing only one line "Microsoft Azure plan - usage". Request you to please share the detailed usage file (CSV or Excel anything is fine) for the period 1st Oct to 31st Oct. Also please let us know if there is any way we can get this report ourself every month from the portal so we need not trouble you each time.

Awaiting your early revert.

Thanks & Regards,
Venkatesh Raghunathan
Accounts Executive
Sri Sai Infotech Pvt. Ltd., Chennai
Mob: +91 98400 00000
""",
        fmt="alt",
        batch=H14,
    ),
    M(
        "h14-en-billing-re-refund-timing-statement.eml",
        "billing",
        "the correction was already agreed; she only asks how long the refund takes, how it shows on the statement and whether a credit note follows",
        sender=("Hannah Whitlock", "hannah.whitlock@brightwater-dental.example"),
        subject="Re: Zoom Workplace charge on INV-2026-10-3318",
        body="""Thanks Daniel, that's great news.

Just so I can tell our bookkeeper, roughly how long will the refund take to land back on the Mastercard, and will it show up as "Cloud Partner" or as Zoom on the statement? Also do we get a credit note for our records or is the refund receipt enough for VAT?

Cheers,
Hannah

On Mon, 23 Nov 2026 at 16:02, Daniel Ferreira <billing@cloudpartner.example> wrote:
> Hi Hannah,
>
> Zoom has confirmed that the disputed charge for the 5 extra Workplace Pro
> licences on INV-2026-10-3318 was raised in error. We will refund GBP 349.50
> to the card used for the payment.
>
> Best regards,
> Daniel Ferreira
> Cloud Partner Billing
>
> On Tue, 3 Nov 2026 at 09:14, Hannah Whitlock wrote:
>> We were billed for 5 Zoom licences we never asked for. Please look into it.
""",
        batch=H14,
    ),
    M(
        "h14-en-billing-new-legal-entity-tax-id.eml",
        "billing",
        "asks to update the company name, tax ID and address on future invoices; payment unchanged",
        sender=("Thiago Albuquerque", "thiago.albuquerque@vereda-agro.example"),
        subject="Update of cadastral data for invoices (new CNPJ)",
        body="""Good morning,

I write from Vereda Agro. Since 1st November our company was incorporated in the new legal entity Vereda Agro Participações S.A., so the invoices of Google Workspace and Adobe Acrobat must be emitted with the new data:

Razão social: Vereda Agro Participações S.A.
CNPJ: 12.345.678/0001-90
Address: Av. Paulista, 1500, 12º andar, São Paulo - SP, 01310-100

The old CNPJ will be closed in December, so if the December invoice comes with the old data our accounting cannot register it and I will need to ask you to cancel and emit again, which is more work for everybody. The payment continues the same, by bank transfer, no change.

Please confirm when the data is updated. If you need the contrato social I can send it.

By the way, thank you for the help with the Workspace migration last month, everything is working well.

Att.,
Thiago Albuquerque
Financeiro - Vereda Agro
""",
        fmt="html",
        batch=H14,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h14-ja-billing-atena-henko-shamei.eml",
        "billing",
        "社名変更に伴う請求書の宛名変更と、年明け発行分の宛名の扱いを確認したい",
        sender=("松浦 里美", "s.matsuura@kitamura-kogyo.example"),
        subject="請求書宛名変更のお願い（社名変更のため）",
        body="""ご担当者様

いつも大変お世話になっております。
北村工業株式会社 総務部の松浦でございます。

さて、弊社は２０２７年１月１日付で「株式会社キタムラテクノ」へ社名を変更いたします。
つきましては、Microsoft 365 およびAdobe Acrobat の請求書の宛名を、
１月分のご請求より新社名にてご発行いただけますでしょうか。
所在地、ご担当窓口、お支払い方法（銀行振込）に変更はございません。

なお、１２月分の請求書が年明けに届く場合、宛名は旧社名・新社名のどちらになりますでしょうか。
経理より、発行日基準で新社名にしてほしいとの要望がございますが、
難しいようでしたらご相談させてください。

登記簿謄本の写しが必要でしたらお送りいたしますので、お申し付けください。
お忙しいところ恐れ入りますが、何卒よろしくお願い申し上げます。
"""
        + sig_ja("北村工業株式会社", "総務部", "松浦 里美", "2231"),
        fmt="iso2022",
        batch=H14,
    ),
    M(
        "h14-ja-billing-group-ikkatsu-seikyu.eml",
        "billing",
        "グループ３社の請求を親会社宛ての１通にまとめられるかという請求方法の相談",
        sender=("大西 健吾", "k.onishi@marunaka-hd.example"),
        subject="グループ会社の請求書を一本化できますか",
        body="""クラウドパートナー 請求ご担当者様

お世話になっております。丸中ホールディングス経理部の大西です。

現在、弊社グループでは以下の３社がそれぞれ御社と契約しており、
毎月３通の請求書をいただいております。

・丸中ホールディングス株式会社（Microsoft 365、Azure）
・丸中物流株式会社（Google Workspace）
・丸中フーズ株式会社（Zoom、Adobe Creative Cloud）

来期（４月）から支払いを親会社に集約することになりましたので、
請求書を親会社宛ての１通にまとめ、明細で会社別に分けていただく形は可能でしょうか。
契約自体は各社名義のままにしたいと考えております。

また、その場合の支払サイト（現在は月末締め翌月末払い）は変わらないか、
あわせてご教示いただけますと幸いです。

お手数ですがよろしくお願いいたします。
"""
        + sig_ja("丸中ホールディングス株式会社", "経理部", "大西 健吾", "4470"),
        fmt="sjis",
        batch=H14,
    ),
    M(
        "h14-ja-billing-ryoshusho-card-paid.eml",
        "billing",
        "カードで支払い済みの２か月分の領収書がほしいだけ",
        sender=("西田 ゆい", "yui.nishida@studio-hanabi.example"),
        subject="領収書ください",
        body="""こんにちは、スタジオはなびの西田です。

先月と先々月のAdobe（CC コンプリートプラン 3ライセンス）の分、
カードで支払い済みなんですが領収書ってもらえますか？
税理士さんに出さないといけなくて…

宛名は「合同会社スタジオはなび」でお願いします。PDFで大丈夫です！

よろしくお願いします〜

西田
""",
        fmt="utf8-b64",
        batch=H14,
    ),
    M(
        "h14-ja-billing-re-nenbarai-kirikae-timing.eml",
        "billing",
        "年払いへ切り替えた場合の請求時期と途中追加分の請求方法を質問している",
        sender=("工藤 誠", "m.kudo@aozora-clinic.example"),
        subject="Re: Microsoft 365 年間契約への切り替えについて",
        body="""ご回答ありがとうございます。

もう一点確認させてください。
年払いに切り替えた場合、来年１月に１年分（２５名分）がまとめて請求されるという理解でよいでしょうか。
今月分の月額請求と二重になる期間が発生しないか、経理から聞かれております。

また、年の途中で５名ほど増える予定ですが、その分は日割りで別途請求になりますか？

お手数ですがよろしくお願いいたします。

工藤

2026年11月20日(金) 14:05 クラウドパートナー 請求窓口 <billing@cloudpartner.example>:
> 工藤様
>
> いつもお世話になっております。
> 年払い（年間コミットメント）への切り替えは、次回更新日の１月５日から可能です。
> 切り替え後は途中解約ができませんのでご注意ください。
>
> 以上、よろしくお願いいたします。
""",
        batch=H14,
    ),
    M(
        "h14-ja-billing-tekikaku-touroku-bangou-saihakkou.eml",
        "billing",
        "登録番号の記載がない２か月分の請求書の再発行依頼。金額には問題なしと明記",
        sender=("杉本 千晴", "c.sugimoto@hoshizora-kensetsu.example"),
        subject="【確認依頼】請求書の登録番号記載について",
        body="""クラウドパートナー株式会社
ご請求ご担当者様

いつもお世話になっております。
星空建設株式会社 経理課の杉本と申します。

期末の監査準備にあたり、御社からの請求書を確認しておりましたところ、
８月分までの請求書には適格請求書発行事業者の登録番号（Tから始まる番号）が記載されているのですが、
９月分・１０月分には記載がないようでした。

仕入税額控除の関係上、登録番号の記載が必要となりますので、
９月分・１０月分について、登録番号入りの請求書を再発行いただけますでしょうか。
金額については特に問題ございません。

急ぎではございませんが、１２月１０日頃までにいただけますと助かります。
どうぞよろしくお願いいたします。
""",
        fmt="alt",
        batch=H14,
    ),
    # ----------------------------------------------------------------- disputes (en)
    M(
        "h14-en-disputes-adobe-seats-after-cancel.eml",
        "disputes",
        "six Adobe seats cancelled in August are still on the September and October invoices and he wants that money back",
        sender=("Zhang Wei", "zhangwei@hengda-trading.example"),
        subject="Adobe seats still charging after we cancel",
        body="""Hello,

We have cancel 6 seats of Adobe Creative Cloud All Apps in August 14, your colleague Mr. Tan confirm by email at that time (I can forward if need). But the September invoice INV-2026-09-1187 and October invoice INV-2026-10-1240 still have 6 seats x USD 89.99, each month USD 539.94.

We are not using these seats since August, the designers already left the company. Please check and return the money of these two months, total USD 1,079.88, to our account or deduct from next invoice, both is ok.

Please also make sure November invoice not have these seats again.

Thanks
Zhang Wei
Hengda Trading (HK) Ltd.
Finance Dept
""",
        batch=H14,
    ),
    M(
        "h14-en-disputes-aws-eur-rate-not-contractual.eml",
        "disputes",
        "the AWS invoice uses a different USD/EUR rate from the one fixed in the contract and he wants it corrected",
        sender=("Jörg Hämmerle", "j.haemmerle@schwarzwald-praezision.example"),
        subject="AWS invoice November - wrong conversion rate?",
        body="""Dear Sirs,

in our framework agreement (section 4.2) it is fixed that AWS usage in USD is converted to EUR with the ECB reference rate of the first bank day of the month. For November this would be 1 EUR = 1.0794 USD (we checked at the ECB site).

On invoice 2026-11-00452 you have used 1 EUR = 1.0412 USD. On USD 48,210.77 usage this makes a difference of ca. EUR 1,640 to our disadvantage. It is not the first time, in September it was also a bit different but small so we let it go.

We kindly ask you to correct the invoice and send a new one with the contractual rate. Until then our accounts payable will hold this invoice, the others we pay normal.

Mit freundlichen Grüßen / Best regards
"""
        + sig_en("Jörg Hämmerle", "Leiter Rechnungswesen", "Schwarzwald Präzision GmbH"),
        fmt="utf8-qp",
        batch=H14,
    ),
    M(
        "h14-en-disputes-fwd-nonprofit-discount-missing.eml",
        "disputes",
        "forwards our sales rep's written 20% nonprofit price that the Workspace invoice does not apply and asks for October to be fixed",
        sender=("Grace Mwangi", "grace.mwangi@hopebridge-foundation.example"),
        subject="Fwd: Google Workspace pricing for HopeBridge",
        body="""Hi there,

Forwarding the email below from Liam in your sales team. We moved 120 staff to Google Workspace Business Standard on that basis, but the October invoice charges full price (USD 14.00 per user), not the 20% off Liam quoted. That's USD 336 extra for October alone and I assume November will be the same.

Could you fix October and make sure the rate is right going forward? Our board approved the switch on the discounted price, so I need this sorted before our December finance meeting.

Thanks so much,
Grace

Grace Mwangi
Operations & Finance Manager, HopeBridge Foundation

---------- Forwarded message ---------
From: Liam O'Connor <liam.oconnor@cloudpartner.example>
Date: Thu, 10 Sep 2026 at 11:27
Subject: Google Workspace pricing for HopeBridge
To: Grace Mwangi <grace.mwangi@hopebridge-foundation.example>

Hi Grace,

Great talking to you today. As discussed, as a registered charity you qualify for our nonprofit pricing: 20% off the list price of Business Standard for the first 24 months. I'll make sure this is set up on your account when you sign.

Best,
Liam
""",
        fmt="alt",
        batch=H14,
    ),
    M(
        "h14-en-disputes-amex-same-invoice-twice.eml",
        "disputes",
        "the same invoice went through twice on the Amex the same day and he wants one charge put back",
        sender=("Ryan Kowalski", "ryan@kowalski-cpa.example"),
        subject="charged twice??",
        body="""Hey - just looked at the Amex statement. INV-2026-11-0873 ($1,284.00) went through twice on Nov 3, two separate transactions, same amount, about a minute apart. Please put one of them back.

Ryan

Sent from my phone, excuse typos
""",
        batch=H14,
    ),
    M(
        "h14-en-disputes-e5-licences-never-assigned.eml",
        "disputes",
        "contests five months of 40 E5 licences that were never assigned and withholds only that part; the overdue balance follows from the contested lines",
        sender=("Olivia Brennan", "olivia.brennan@carrick-architects.example"),
        subject="Microsoft 365 E5 - 40 licences we never used",
        body="""Hello,

I've taken over IT and finance admin here since our office manager left in the summer, so please bear with me, I'm still piecing things together.

Going through the Microsoft 365 admin centre this week I found that we have 40 Office 365 E5 licences on our tenant that have never been assigned to anyone. As far as I can tell they were added in June, probably when my predecessor was trying to get Teams Phone working (she then ended up using a different provider for the phones). We are a 22-person practice, we have never had 40 people, and all our staff are on Business Premium anyway.

Those 40 E5 licences have been on every invoice since July at GBP 1,520 a month, so over five months that is GBP 7,600 for licences nobody has ever logged in with. I can send screenshots from the admin centre showing "Assigned: 0" if that helps.

I appreciate that the licences were ordered on our side, but nobody here knew, nothing was used, and I'd have expected someone to notice a jump like that. Is there any way to get this money back from Microsoft, or at least credited against future invoices? And please remove them now so December isn't charged.

I've asked our accounts team to pay the Business Premium part of the outstanding invoices straight away and to hold back the E5 lines until we hear from you - I hope that's reasonable.

Many thanks,
Olivia Brennan
Practice Manager
Carrick Architects Ltd
""",
        fmt="html",
        status="delinquent",
        batch=H14,
    ),
    # ----------------------------------------------------------------- disputes (ja)
    M(
        "h14-ja-disputes-zoom-kaiyakugo-seikyu.eml",
        "disputes",
        "９月末で解約済みのZoomが１０月・１１月も請求されており、返金と請求取消しを求めている",
        sender=("石川 智子", "t.ishikawa@mirai-juku.example"),
        subject="解約済みのZoomの請求について",
        body="""クラウドパートナー株式会社
ご担当者様

いつもお世話になっております。未来塾の石川でございます。

弊社では、Zoom Workplace（Pro ５ライセンス）を９月末日をもって解約しており、
９月２２日に御社の山本様より「解約手続き完了」のご連絡をメールでいただいております。

しかしながら、１０月分および１１月分の請求書にも同じ５ライセンス分
（各月 ８，２５０円、税込）が計上されておりました。
１０月分はすでに口座振替で引き落とされております。

お手数ですが、ご確認のうえ、１０月分の返金と１１月分の請求の取消しを
お願いできますでしょうか。
山本様からのメールが必要でしたら転送いたします。

何卒よろしくお願いいたします。
"""
        + sig_ja("学習塾 未来塾", "事務局", "石川 智子", "6120"),
        fmt="iso2022",
        batch=H14,
    ),
    M(
        "h14-ja-disputes-mitsumori-tanka-chigai.eml",
        "disputes",
        "請求書の単価が見積書より高く、見積どおりに作り直すよう求めて差額の支払いを拒んでいる",
        sender=("村上 大輔", "d.murakami@sakura-kousan.example"),
        subject="見積と請求の金額が合いません",
        body="""お世話になっております。さくら興産の村上です。

１１月分の請求書（請求番号：CP-2611-0392）を確認したところ、
Google Workspace Business Plus の単価が１ユーザーあたり２，７２２円になっていました。
８月に御社営業の佐々木さんからいただいた見積書（見積番号 Q-2608-117）では
２，２６８円で、その金額で社内稟議を通しています。

４５ユーザー分なので、月額で２万円以上の差になります。
見積書は佐々木さんもお持ちだと思いますので、ご確認のうえ、
見積どおりの単価で請求書を作り直していただけますか。
差額分をお支払いするつもりはありませんので、よろしくお願いします。

村上 大輔
さくら興産株式会社 総務部
TEL：06-6555-0198
""",
        fmt="sjis",
        batch=H14,
    ),
    M(
        "h14-ja-disputes-furikomi-to-card-nijuu.eml",
        "disputes",
        "振込済みの１０月分がカードからも引き落とされており、片方の返金を求めている。今後の支払方法の話は付け足し",
        sender=("小林 恵", "megumi.k@kobayashi-shika.example"),
        subject="二重で支払っているようです",
        body="""ご担当者様

小林歯科の小林です。

１０月分のMicrosoft 365の請求（３３，０００円）について、
１１月５日に銀行振込でお支払いしたのですが、
今日カードの明細を見たら、１１月１０日に同じ金額がカードからも引き落とされていました。

振込の控えはこちらにあります（みずほ銀行から、振込名義は「コバヤシシカ」です）。
どちらか一方を返金していただけないでしょうか。
できればカードの方を取り消していただけると助かります。

今後はカード払いだけにしたいので、そのあたりもあわせて教えてください。

よろしくお願いします。
小林 恵
""",
        fmt="utf8-b64",
        batch=H14,
    ),
    M(
        "h14-ja-disputes-re-aws-kansan-rate.eml",
        "disputes",
        "前回の説明に納得せず、AWS利用料の円換算レートが契約と違うとして再計算した請求書を求めている",
        sender=("長谷川 亮", "r.hasegawa@hokuto-systems.example"),
        subject="Re: AWS利用料の円換算について",
        body="""クラウドパートナー
高橋様

ご回答ありがとうございます。ただ、正直なところ納得できておりません。

契約書の第７条では「当月末日のTTMで換算」とされているはずで、
１０月末のTTMは１ドル＝１５１．２０円です。
御社の請求書では１５８．９０円で換算されており、
利用料 ＄１２，４８０ に対して９万６千円ほど多くなっています。

「カード会社のレートを使用している」とのことですが、
弊社は銀行振込払いですので、その説明は当てはまらないと考えます。
改めて契約どおりのレートで再計算した請求書をいただけますでしょうか。

長谷川

2026年11月24日(火) 10:31 高橋 <billing@cloudpartner.example>:
> 長谷川様
>
> お問い合わせありがとうございます。
> AWS利用料の円換算には、カード会社の決済時レートを使用しております。
> 何卒ご理解いただけますと幸いです。
""",
        fmt="utf8-qp",
        batch=H14,
    ),
    M(
        "h14-ja-disputes-adobe-mishiyou-license.eml",
        "disputes",
        "発注した覚えがなく一度も有効化されていないAdobe２０ライセンス分を請求から外してほしい。支払期限や督促の話は付け足し",
        sender=("森 正樹", "masaki.mori@tsubasa-print.example"),
        subject="Adobe Acrobat 追加分について",
        body="""いつもお世話になっております。つばさ印刷の森です。

１０月の請求書に Adobe Acrobat Pro が２０ライセンス追加されていますが、
弊社ではこの追加を発注した記録がなく、管理画面でも２０件とも「招待中」のまま
一度も有効化されていません。おそらく何かの手違いではないかと思います。

この２０ライセンス分（月額 ４０，９２０円）は請求から外していただけないでしょうか。
１０月分の支払期限が１１月末ですので、それまでに訂正後の請求書をいただけると助かります。
間に合わない場合、該当分を除いた金額で先に振り込んでおく形でもよいでしょうか。
督促が来てしまうと社内で面倒なことになるので…。

よろしくお願いいたします。

森 正樹
株式会社つばさ印刷 管理部
""",
        fmt="alt",
        batch=H14,
    ),
    # -------------------------------------------------------------- collections (en)
    M(
        "h14-en-collections-card-declined-bank-block.eml",
        "collections",
        "the November payment was declined and the invoice is overdue; she asks us to retry the card or take a transfer today",
        sender=("Sophie Laurent", "sophie@atelier-laurent.example"),
        subject="Payment failed notification - what to do?",
        body="""Hello,

This morning I received your email "Payment unsuccessful - invoice INV-2026-11-2051 is now overdue". I called my bank, they have blocked the card because of a suspicion of fraud (not from you, another merchant), it is unblocked now.

Can you please try again the payment on the same card? Or if it's easier I can do a transfer today, just tell me which one you prefer, I don't want the Microsoft licences to be stopped, we have only 4 but we need them everyday.

Sorry for this trouble.

Sophie Laurent
Atelier Laurent - Lyon
""",
        batch=H14,
    ),
    M(
        "h14-en-collections-instalments-three-open-invoices.eml",
        "collections",
        "admits three unpaid invoices after ignoring reminders and proposes paying them off in instalments",
        sender=("Dermot Gallagher", "dermot@gallagherjoinery.example"),
        subject="Overdue invoices - can we work something out",
        body="""Hi,

Dermot here from Gallagher Joinery. I know we're behind with you and I'd rather be upfront about it than keep ignoring the reminders, which to be honest is what's been happening, sorry about that.

We've had a rough autumn. One of our bigger clients went into liquidation in September owing us a fair bit and it's knocked the cash flow sideways. We still have the August, September and October invoices open with you (about EUR 2,900 all in, I think, for the Microsoft 365 and the Adobe for the design lads).

What I'd like to propose is EUR 500 now, this week, and then EUR 600 a month from December until it's cleared, on top of paying the new invoices as they come in. If that doesn't suit, tell me what would and I'll see what I can do. I just really need to keep the email going, the whole business runs off it.

I can set up a standing order for the monthly amount if that makes it easier your end.

Thanks for your patience,
Dermot Gallagher
Gallagher Joinery Ltd
087 555 0142
""",
        fmt="utf8-qp",
        status="delinquent",
        batch=H14,
    ),
    M(
        "h14-en-collections-sepa-debit-returned.eml",
        "collections",
        "the direct debit for the October invoice bounced for lack of funds; he will pay by transfer and asks about the return fee",
        sender=("Stefan Krüger", "stefan.krueger@krueger-steuerberatung.example"),
        subject="Rücklastschrift / returned direct debit invoice 2026-10-1733",
        body="""Hello,

our bank informs us that your SEPA direct debit for invoice 2026-10-1733 (EUR 612,40) was returned, reason code AM04 (insufficient funds). This was a timing problem, our salary run was on the same day. I am sorry for this.

I will transfer the amount manually today, plus the return fee if you charge one - please tell me the amount of the fee. The next debit in December can be done normal, the account is covered again.

Please confirm when you have received the money, so we don't get the reminder letter.

Mit freundlichen Grüßen
Stefan Krüger
Steuerberatung Krüger, Hannover
""",
        batch=H14,
    ),
    M(
        "h14-en-collections-re-final-notice-payment-run.eml",
        "collections",
        "answers our final notice with a firm payment date and asks us to hold off the suspension until then",
        sender=("Michelle Tan", "michelle.tan@pacificrim-foods.example"),
        subject="RE: FINAL NOTICE - Account 10482 - payment overdue",
        body="""Hi team,

Apologies for the delay on this. The invoices had been sitting with our regional CFO for approval because of a PO mismatch (resolved on our side now). AP has confirmed they're in this Friday's payment run, 27 November, SGD 18,640.00 by TT to the account on your invoice.

Could you please hold off on the suspension mentioned below until then? We have 210 users on Microsoft 365 and a shutdown would be very painful for us. I'll send the remittance advice as soon as it's released.

Regards,
Michelle Tan
Finance Manager, Pacific Rim Foods Pte Ltd

From: Cloud Partner Billing <billing@cloudpartner.example>
Sent: Monday, 23 November 2026 9:00 AM
To: Michelle Tan <michelle.tan@pacificrim-foods.example>
Subject: FINAL NOTICE - Account 10482 - payment overdue

Dear Michelle Tan,

Invoices INV-2026-08-0441 and INV-2026-09-0502 (total SGD 18,640.00) remain unpaid despite our reminders of 15 October and 2 November. If payment is not received within 7 days, access to your subscriptions will be suspended for non-payment.

Cloud Partner Billing
""",
        fmt="alt",
        status="delinquent",
        batch=H14,
    ),
    M(
        "h14-en-collections-suspended-wire-sent-reactivate.eml",
        "collections",
        "Workspace was suspended for an unpaid balance; he has wired the overdue amount and asks for reactivation",
        sender=("Arjun Mehta", "arjun.mehta@quillstack.example"),
        subject="URGENT: Google Workspace suspended - payment made",
        body="""Hi,

All our Google Workspace accounts got suspended this morning with the message about an unpaid balance. Fair enough, that's on us, our finance person was out sick and the reminders went to her inbox.

I've just sent the full overdue amount, USD 4,326.00, by wire from our Chase account, reference INV-2026-09-7781 / INV-2026-10-7912. Copy of the wire confirmation below.

  Wire Transfer Confirmation
  Amount: USD 4,326.00
  Beneficiary: Cloud Partner Inc.
  Status: Sent, 11/25/2026 10:42 AM ET

Please can you turn the accounts back on as soon as you see it, or sooner if you can take the confirmation as proof. We have a team of 30 sitting idle.

Thanks,
Arjun Mehta
Co-founder, Quillstack
""",
        fmt="utf8-b64",
        status="suspended",
        batch=H14,
    ),
    # -------------------------------------------------------------- collections (ja)
    M(
        "h14-ja-collections-tokusokujo-owabi-furikomi-yotei.eml",
        "collections",
        "督促状を受けて２か月分の未払いを認め、２７日までの振込を約束している",
        sender=("岡田 康弘", "y.okada@okada-shouten.example"),
        subject="督促状の件（お詫び）",
        body="""クラウドパートナー株式会社
経理ご担当者様

いつもお世話になっております。岡田商店の岡田でございます。

本日、御社より「お支払いのお願い（再通知）」の書面を拝受いたしました。
確認いたしましたところ、８月分と９月分のご請求（合計 ６２，７００円）が
未払いとなっておりました。
経理担当者が９月に退職し、引継ぎが十分でなかったことが原因でございます。
大変ご迷惑をおかけし、誠に申し訳ございません。

今月２７日（金）までに、上記２か月分を指定口座へお振込みいたします。
また、１０月分につきましても、期日どおり月末にお支払いいたします。

今後このようなことがないよう、口座振替への切り替えも検討しておりますので、
お手続きの方法をご教示いただけますと幸いです。

何卒よろしくお願い申し上げます。
"""
        + sig_ja("有限会社岡田商店", "代表", "岡田 康弘", "3385"),
        fmt="iso2022",
        batch=H14,
    ),
    M(
        "h14-ja-collections-shiharai-kijitsu-enki.eml",
        "collections",
        "資金繰りのため１０月分の支払期日の延長か分割払いを相談している",
        sender=("中村 亜希子", "akiko.nakamura@hikari-kikaku.example"),
        subject="お支払い期日についてのご相談",
        body="""ご担当者様

いつもお世話になっております。
ひかり企画の中村でございます。

大変申し上げにくいのですが、１０月分のご請求（１４８，５００円、支払期日１１月３０日）について、
お支払いを１２月２５日までお待ちいただくことは可能でしょうか。

取引先からの入金が１か月遅れることになり、今月は資金繰りが厳しい状況です。
１２月２０日に入金予定がございますので、その後すぐにお振込みいたします。
分割でのお支払いが可能でしたら、今月中に半額をお支払いすることもできます。

Google Workspace とZoomは業務に欠かせないため、停止だけは避けたく、
ご相談させていただきました。ご検討のほど、よろしくお願いいたします。
"""
        + sig_ja("株式会社ひかり企画", "管理部", "中村 亜希子", "7712"),
        fmt="sjis",
        batch=H14,
    ),
    M(
        "h14-ja-collections-card-gendogaku-mibarai.eml",
        "collections",
        "カード決済が失敗して未払いになっている１１月分を別のカードで今週中に払いたい",
        sender=("佐藤 翔太", "shota@sato-seitai.example"),
        subject="決済エラーのメールが来ました",
        body="""お世話になってます、さとう整体の佐藤です。

「クレジットカード決済ができませんでした」ってメールが昨日来てました。
たぶん限度額いっぱいだったんだと思います、すみません。
１１月分（Microsoft 365 ２人分）まだ払えてない状態ですよね？

別のカードで払いたいんですけど、どうすればいいですか？
請求書のリンクから払えるならそれでやります。
今週中には払いたいので教えてください。

佐藤
""",
        batch=H14,
    ),
    M(
        "h14-ja-collections-fwd-eigyo-teishi-kaijo.eml",
        "collections",
        "未払いで停止されたお客様が本日振り込んだとのことで、営業が入金確認後の停止解除を依頼している",
        sender=("河合 翼", "tsubasa.kawai@cloudpartner.example"),
        subject="Fw: 【至急】メールが使えなくなりました",
        body="""請求チームの皆さん

営業の河合です。お客様の株式会社ミナト電設様から下記の連絡がありました。
未払いで１１月２０日に Microsoft 365 が停止されたようですが、
本日午前中に９月・１０月分（合計 ２０５，７００円）をお振込み済みとのことです。
入金確認ができ次第、停止解除をお願いできますでしょうか。
先方の経理は振込控えをPDFで送れるそうです。

停止の件は私の方で把握できておらず、先方にはご迷惑をおかけしてしまいました。
解除の見込み時刻が分かれば私から先方に連絡します。

河合

-------- 転送メッセージ --------
差出人: 湊 隆之 <t.minato@minato-densetsu.example>
日付: 2026年11月25日 11:08
件名: 【至急】メールが使えなくなりました

河合さん

先週からメールにログインできなくなり、未払いのためという表示が出ています。
支払いが遅れていたのは確かで、本日振り込みました。
現場との連絡がすべてメールなので、一日も早く戻してください。

湊
""",
        fmt="utf8-qp",
        batch=H14,
    ),
    M(
        "h14-ja-collections-kouza-furikae-funou.eml",
        "collections",
        "口座振替不能の通知を受けて未払いの１１月分の払い方（再振替か振込か）と遅延損害金を尋ねている",
        sender=("吉田 美穂", "miho.yoshida@fujimi-kaikei.example"),
        subject="口座振替不能のお知らせについて",
        body="""クラウドパートナー株式会社 御中

お世話になっております。富士見会計事務所の吉田でございます。

１１月２４日付で「口座振替不能のお知らせ」が届きました。
１１月分（２８，６００円）の引き落としが残高不足でできなかったとのこと、
大変失礼いたしました。口座への入金が１日遅れてしまったようです。

つきましては、再度の引き落としはございますでしょうか。
ない場合は振込にてお支払いいたしますので、振込先をお知らせください。
遅延損害金などが発生する場合は、あわせてご教示ください。

よろしくお願いいたします。

富士見会計事務所
吉田 美穂
""",
        fmt="html",
        batch=H14,
    ),
    # -------------------------------------------------------------- escalations (en)
    M(
        "h14-en-escalations-m365-all-users-unlicensed.eml",
        "escalations",
        "all 312 users of a paid-up tenant lost their licences in production and Microsoft says only the partner can raise it",
        sender=("Nikolai Petrov", "n.petrov@baltic-freight.example"),
        subject="P1 - all users show unlicensed in M365, Outlook/Teams down",
        body="""Hi,

Since approx. 07:30 CET today ALL 312 users in our tenant baltic-freight.onmicrosoft.com show as "Unlicensed" in the admin center. Outlook and Teams are in reduced functionality mode, users get "your account doesn't have a license" popups, dispatchers can't open the shared mailboxes. This is our whole operation, trucks are being dispatched by phone right now.

Before you ask: we are NOT behind on payment, last invoice INV-2026-10-5520 was paid on 02.11 by transfer, I have the confirmation. Nothing was changed on our side. The subscription in admin center shows the Business Premium SKU as "Disabled" with 0 available.

I opened a ticket with Microsoft directly but they tell me because we buy through a partner, the partner has to raise it. So please raise it with Microsoft as Sev A now and send me the case number. I'm available on +372 5555 0190 all day.

Nikolai Petrov
Head of IT, Baltic Freight OÜ
""",
        batch=H14,
    ),
    M(
        "h14-en-escalations-re-azure-reservation-case-stalled.eml",
        "escalations",
        "the Microsoft case on a reservation exchange has not moved for weeks and he wants it pushed up the partner channel with a named contact",
        sender=("Daniel Okafor", "daniel.okafor@meridianpay.example"),
        subject="Re: Azure reserved instance exchange - Microsoft case 2611030040001234",
        body="""Hi again,

It's now three weeks since you opened case 2611030040001234 with Microsoft for the reserved instance exchange and nothing has moved. The last update in the thread below is from 9 November. Meanwhile we're paying for a 3-year D-series reservation in a region we moved out of in October, roughly USD 6,800 a month, plus the pay-as-you-go for the new region on top.

Can you escalate this on your partner channel, whatever the next level is? I'd like a named contact at Microsoft and a date. If there's something missing from our side, tell me and I'll send it today.

Thanks,
Daniel

On Mon, 9 Nov 2026 at 14:20, Cloud Partner Support <billing@cloudpartner.example> wrote:
> Hi Daniel,
>
> Microsoft has acknowledged the request and assigned it to their reservations
> team. We will update you as soon as we hear back.
>
> Cloud Partner Support
""",
        fmt="utf8-qp",
        batch=H14,
    ),
    M(
        "h14-en-escalations-ceo-formal-complaint-counsel.eml",
        "escalations",
        "the CEO of a regulated firm demands a senior-management call today after months of unresolved outages and has counsel reviewing termination",
        sender=("Catherine Ashdown", "c.ashdown@ashdown-wealth.example"),
        subject="Formal complaint - unacceptable service",
        body="""To the Managing Director of Cloud Partner,

I am writing to you directly because my team has run out of patience with your support desk.

Since August we have raised, by my operations team's count, eleven separate tickets about the same recurring problem: our Microsoft 365 licences are changed without our instruction at each renewal, some of our advisers lose access to their mailboxes for days at a time, and each time we are told it has been "passed to Microsoft". Nobody has ever told us what Microsoft actually said. As a regulated firm we are required to keep client communications available, and every one of these gaps is something I will have to explain to our compliance officer.

I expect a call from a member of your senior management by close of business today, with an explanation of what has gone wrong and a written plan to stop it happening again. If I do not receive it, I have instructed our general counsel to review our agreement with you with a view to terminating it, and to consider what remedies are available to us for the disruption caused.

Catherine Ashdown
Chief Executive Officer
Ashdown Wealth Management LLP
""",
        fmt="html",
        batch=H14,
    ),
    M(
        "h14-en-escalations-workspace-plan-change-drives-missing.eml",
        "escalations",
        "after a plan change shared drives with legally retained contracts and the Vault archive are gone; Google needs the reseller to open the case",
        sender=("Lucas Ferreira", "lucas.ferreira@nortemar-shipping.example"),
        subject="Data missing after Workspace plan change - please help urgent",
        body="""Hello,

Last Friday (20/11) your team changed our Google Workspace from Business Plus to Business Standard, like we asked, to reduce the cost. OK. But since Monday 40 users are missing the Vault archive and 6 shared drives are not appearing anymore, including "Contratos 2026" with all the signed contracts of the year. The users did not delete nothing, I checked the audit log and there is no delete event from our side.

We need this data back, there is contracts inside that we are obligated by law to keep. I tried with Google support but they say the reseller must open the case.

Please open the case with Google with highest priority and give me the number. If we need to go back to Business Plus to recover, do it, we pay the difference, no problem.

Obrigado,
Lucas Ferreira
IT Coordinator - Nortemar Shipping Ltda.
""",
        fmt="alt",
        batch=H14,
    ),
    M(
        "h14-en-escalations-audit-entitlement-letter-today.eml",
        "escalations",
        "auditors acting for the regulator need a Microsoft-issued entitlement confirmation by 17:00 today, which only the vendor can give",
        sender=("Ingrid Solberg", "ingrid.solberg@fjordbank.example"),
        subject="Needed TODAY 17:00 - Microsoft licence entitlement letter for audit",
        body="""Hi,

Our external auditors (working on behalf of the Financial Supervisory Authority) have asked for a confirmation from Microsoft of our licence entitlements for FY2026: products, quantities and agreement numbers. Your invoices aren't sufficient for them, they want it from the vendor, on vendor letterhead or out of the Microsoft licensing portal.

The deadline they gave us is 17:00 CET today. If we miss it, it goes into the report as a finding, which then goes to the board and the regulator.

I understand this probably needs Microsoft's partner team. Can you request it as a priority and let me know within the hour whether 17:00 is realistic? If not I need something in writing from you that it has been requested, with the reference number, that I can hand to the auditors.
"""
        + sig_en("Ingrid Solberg", "Head of IT Compliance", "Fjordbank ASA"),
        fmt="utf8-b64",
        batch=H14,
    ),
    # -------------------------------------------------------------- escalations (ja)
    M(
        "h14-ja-escalations-azure-mukouka-honban-teishi.eml",
        "escalations",
        "支払済みのAzure本番サブスクリプションが無効化され全面停止。Microsoftからパートナー経由での申請を求められている",
        sender=("藤井 拓也", "t.fujii@kousoku-net.example"),
        subject="【緊急】Azureサブスクリプションが無効化され本番環境が停止しています",
        body="""クラウドパートナー株式会社
ご担当者様

高速ネットサービスの藤井です。至急のご対応をお願いいたします。

本日１０時過ぎより、弊社のAzureサブスクリプション（本番環境）が
「無効」状態となり、ECサイトおよび受注システムが全面的に停止しております。
ポータル上では「サブスクリプションが無効になっています」と表示されるのみで、
こちらでは再有効化の操作ができません。

念のため確認いたしましたが、１０月分のご請求は１１月１６日に振込済みで、
御社からの督促等も受け取っておりません。設定変更も行っておりません。

Microsoft のサポートに問い合わせたところ、CSP契約のためパートナー経由で
申請するよう案内されました。大変お手数ですが、Microsoft へ最優先で
エスカレーションいただき、ケース番号をお知らせください。

１時間あたり数百万円規模の売上影響が出ております。
ご連絡は携帯（090-5555-0182）までお願いいたします。
"""
        + sig_ja("高速ネットサービス株式会社", "情報システム部", "藤井 拓也", "9021"),
        fmt="iso2022",
        batch=H14,
    ),
    M(
        "h14-ja-escalations-re-adobe-case-nishukan.eml",
        "escalations",
        "Adobeのケースが２週間動かずデザイナーがサインインできないまま。パートナー窓口から上に上げてほしい",
        sender=("青木 美咲", "misaki.aoki@lumiere-design.example"),
        subject="Re: Adobe ケース番号 ADB-41877261 の進捗について",
        body="""ご担当者様

ルミエールデザインの青木です。

先日お願いしたAdobeのケース（ADB-41877261）ですが、
起票から２週間経った今も、Adobe側から一度も連絡がありません。
その間、デザイナー８名がCreative Cloudにサインインできない状態が続いており、
外注でしのいでいますが、来週納品の案件が２本あり正直かなり厳しいです。

御社の担当の方にお伺いしても「Adobeの回答待ちです」とのことで、
このままでは進まないと思いますので、パートナー窓口からもう一段上に
上げていただくことはできませんでしょうか。

状況だけでも今日中に教えていただけると助かります。
よろしくお願いいたします。

青木 美咲
株式会社ルミエールデザイン

> 青木様
> Adobe社へケースを起票いたしました。ケース番号：ADB-41877261
> 回答があり次第ご連絡いたします。
""",
        fmt="sjis",
        batch=H14,
    ),
    M(
        "h14-ja-escalations-aws-cur-ketsuraku-kansa.eml",
        "escalations",
        "明日正午の監査提出に必須のAWS利用データが７日分欠落しており、AWS側の再出力が必要。金額への異議はないと明記",
        sender=("井上 直人", "naoto.inoue@shinwa-securities.example"),
        subject="AWSの利用明細データ欠落について（明日監査提出）",
        body="""クラウドパートナー　ご担当者様

いつもお世話になっております。信和証券 システム管理部の井上です。

AWSのコスト・使用状況レポート（CUR）のうち、
１０月１２日から１０月１８日までの７日分がS3に出力されておらず、
Cost Explorer でも同期間のデータが０のまま表示されています。
弊社側の設定は変更しておりません。

この期間のデータは、明日１１月２６日正午が提出期限の監査法人向け資料
（システム利用料の部門別配賦）に必須のもので、
提出できない場合は監査上の指摘事項となり、当局への報告対象にもなり得ます。

請求金額そのものに疑義があるわけではございません。
AWS側でデータを再出力していただく必要があると思いますので、
至急AWSへお問い合わせいただき、見通しを本日中にご連絡いただけますでしょうか。

何卒よろしくお願いいたします。

井上 直人
信和証券株式会社 システム管理部
TEL: 03-5555-7341
""",
        batch=H14,
    ),
    M(
        "h14-ja-escalations-tasha-seikyu-joho-hyouji.eml",
        "escalations",
        "管理コンソールに他社の請求・連絡先情報が表示される情報漏えいのおそれ。Googleへの調査依頼と書面回答を求めている",
        sender=("山口 純一", "j.yamaguchi@kirin-medical.example"),
        subject="他社の請求情報が見えてしまっています",
        body="""クラウドパートナー株式会社　ご担当者様

きりんメディカルの山口です。急ぎご報告とご相談です。

今朝、Google Workspace の管理コンソールで「お支払いアカウント」を開いたところ、
弊社とは別の会社（「みどり台歯科クリニック」という名称の組織）の
請求書一覧、ライセンス数、請求先住所、担当者名とメールアドレスが表示されました。
画面を再読み込みしても同じです。弊社の請求情報は見えなくなっています。

逆に、弊社の情報が他社から見えている可能性もあると考えると、
医療関係の取引先も多いため大変懸念しております。
社内の情報セキュリティ委員会にも報告済みです。

これ以上は画面を操作せず、スクリーンショットのみ保存しております。
Google への調査依頼をお願いできますでしょうか。
原因と影響範囲について、書面でのご回答をいただきたく存じます。

山口 純一
株式会社きりんメディカル 情報システム課
""",
        fmt="utf8-b64",
        batch=H14,
    ),
    M(
        "h14-ja-escalations-jomu-zoom-webinar-setsumeikai.eml",
        "escalations",
        "常務が直接、１２月１日の株主説明会に必要なZoomウェビナーが有効にならない件で責任者の書面回答を求め、弁護士相談も示唆",
        sender=("高田 雄一郎", "y.takada@tokiwa-denki.example"),
        subject="Zoomウェビナーの件（至急・役員より）",
        body="""クラウドパートナー株式会社
営業部長 殿

常盤電機 常務取締役の高田です。担当者を通じてのやり取りでは埒が明かないため、直接ご連絡いたします。

弊社は１２月１日（火）に株主・投資家向けのオンライン説明会を予定しており、
そのために１０月末、Zoom Webinars（１，０００名）の追加を御社経由で発注いたしました。
ところが本日に至るまでライセンスが有効にならず、担当者が御社に何度確認しても
「Zoom社に確認中」との回答しか得られていないと報告を受けております。

開催日時は既に開示済みで、変更すれば適時開示の訂正が必要となります。
今週中に確実に利用可能となる見通しを、責任あるお立場の方から書面でお示しください。
説明会の開催に支障が生じた場合は、顧問弁護士とも相談のうえ、
相応の対応を取らせていただくことになりますので、申し添えます。

常盤電機株式会社
常務取締役　高田 雄一郎
""",
        fmt="html",
        batch=H14,
    ),
]
