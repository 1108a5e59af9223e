"""Held-out batch 12 of the routing corpus (see make_routing_holdout.py), written BLIND on
2026-11-24: config/rules.toml, ticketing/rules.py, the rules tests and every earlier
routing mail stayed closed while writing, and the router was never run on these mails.
Each label is the queue a competent billing-support lead would pick from the NEW text of
the mail (quoted history is background). All four queues, ten each, half English and half
Japanese: small-business owners, finance clerks, procurement, IT admins, our own sales
staff forwarding a customer's complaint, non-native English, keigo and casual internal
Japanese, Outlook disclaimers, typos, HTML-only, ISO-2022-JP, Shift_JIS, QP and base64.

- "holdout-12": SEALED. It is measured only after the next rules change, once, and never
  tuned on. Do not edit these mails to suit the rules.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja

H12 = "holdout-12"

FWD_EN = """
-----Original Message-----
From: {sender}
Sent: {date}
To: {to}
Subject: {subject}
"""

FWD_JA = """
-------- 転送メッセージ --------
差出人: {sender}
日付: {date}
件名: {subject}
"""

HOLDOUT_12: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h12-en-billing-invoice-copies-after-outage.eml",
        "billing",
        "asks for invoice copies; last week's outage is only the background to an audit",
        ("Priya Raman", "priya.raman@harbourlogistics.example"),
        "Q3 invoice PDFs for our auditors",
        """Hello,

After the Azure outage last Wednesday our board asked for a review of all our IT
suppliers, so the auditors are now going through every cloud cost we had this year.
They want PDF copies of the three Q3 invoices (INV-2026-4410, INV-2026-4587 and
INV-2026-4761). I can see the July and August ones in the portal but September just says
"document not available yet".

Could you email all three to me, or the September one at least? No rush on anything
else, the outage itself is sorted as far as we're concerned.

Thanks,
Priya
"""
        + sig_en("Priya Raman", "Financial Controller", "Harbour Logistics Ltd"),
        batch=H12,
    ),
    M(
        "h12-en-billing-proration-nonnative.eml",
        "billing",
        "non-native English: how adding seats mid-month will be charged",
        ("Tomasz Wiśniewski", "tomasz@wisniewski-auto.example"),
        "question for adding 3 users",
        """Good morning,

we hire 3 new mechanics from 15 December and they need the email also (Business Basic
like the others). If I add them in the middle of month, I pay full month or only the
half? And it come on the same invoice or separate one?

Our accountant want to know before so she can plan the december costs.

Thank you and best regards
Tomasz Wiśniewski
Wiśniewski Auto Serwis Sp. z o.o.
""",
        batch=H12,
    ),
    M(
        "h12-en-billing-fwd-address-change.eml",
        "billing",
        "new text asks to change the invoice address; the quoted thread is an old, settled credit",
        ("Hannah Brooks", "h.brooks@cedarlane-dental.example"),
        "FW: Credit note CN-2026-0093",
        """Hi both,

Bumping this old thread because it has the right people on it. We've moved practice
premises - from 1 December please address invoices to:

Cedar Lane Dental Group
Unit 4, Riverside Business Park
Leeds LS10 1AB

Company number and VAT number stay the same. Does the address on the account also
change the one on the direct debit paperwork, or is that a separate form?

Hannah
"""
        + FWD_EN.format(
            sender="Billing Team <billing@cloudpartner.example>",
            date="14 August 2026 10:12",
            to="Hannah Brooks",
            subject="RE: Credit note CN-2026-0093",
        )
        + """
Dear Hannah,

As agreed on the phone, we have reversed the duplicate charge of GBP 312.00 from
INV-2026-3120 and issued credit note CN-2026-0093, which will be applied to your next
invoice. Apologies again for the trouble.

Kind regards,
Billing Team
""",
        fmt="utf8-qp",
        batch=H12,
    ),
    M(
        "h12-en-billing-delinquent-tax-exempt.eml",
        "billing",
        "delinquent-status sender, but the mail is only about a tax exemption certificate",
        ("Gloria Mendes", "gmendes@stpaulsacademy.example"),
        "Sales tax exemption certificate for 2027",
        """Hi there,

Our state sales tax exemption certificate was renewed last week. The new one runs until
31 December 2027 - I've attached it. Please update your records so the January invoices
don't include sales tax; last year it took two invoices before it was picked up.

Who do I send it to if this isn't the right mailbox?

Thank you,
Gloria Mendes
Business Office, St Paul's Academy
""",
        status="delinquent",
        batch=H12,
    ),
    M(
        "h12-en-billing-html-receipts-currency.eml",
        "billing",
        "HTML-only: wants receipts for card payments and asks about invoicing in EUR",
        ("Lukas Berger", "lukas.berger@bergerconsulting.example"),
        "Receipts + currency",
        """Hi,

Two things:

1. For our expense system I need a receipt (not the invoice) for each card payment since
June. The portal only lets me download invoices. Is there a way to get payment receipts?

2. We are based in Vienna and our bank charges us a fee every month to pay in USD.
Can you invoice us in EUR instead from the next billing cycle? If yes, which exchange
rate do you use?

Cheers,
Lukas

Lukas Berger
Berger Consulting e.U. | Mariahilfer Str. 88, 1070 Wien
""",
        fmt="html",
        batch=H12,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h12-ja-billing-company-rename.eml",
        "billing",
        "keigo: company name change, wants the addressee on invoices updated",
        ("佐々木 恵", "m.sasaki@tokai-seiki.example"),
        "社名変更に伴う請求書宛名変更のお願い",
        """クラウドパートナー株式会社
請求ご担当者様

いつも大変お世話になっております。
東海精機の佐々木でございます。

さて、弊社は2027年1月1日付で「東海精機株式会社」から
「トーカイ・プレシジョン株式会社」へ商号を変更することとなりました。
つきましては、1月分以降の請求書の宛名を新社名にてご発行いただけますでしょうか。

所在地、ご担当窓口、お支払い方法に変更はございません。
登記簿謄本の写しが必要でしたら、お申し付けくださいませ。

お手数をおかけいたしますが、何卒よろしくお願い申し上げます。
"""
        + sig_ja("東海精機株式会社", "管理部 経理課", "佐々木 恵", "2231"),
        fmt="iso2022",
        batch=H12,
    ),
    M(
        "h12-ja-billing-invoice-registration-no.eml",
        "billing",
        "asks whether invoices carry the qualified-invoice registration number",
        ("村上 健太", "k.murakami@minato-kenchiku.example"),
        "適格請求書の登録番号について",
        """ご担当者様

お世話になっております。港建築設計事務所の村上です。

経理の確認で1点お伺いさせてください。
御社から届いている月次の請求書（直近ですとINV-2026-5032）に
適格請求書発行事業者の登録番号が見当たらないのですが、
どこかに記載されていますでしょうか。

別途、登録番号が記載された書類をいただくことは可能でしょうか。
税理士から確認するよう言われておりまして、お手数ですがよろしくお願いいたします。

港建築設計事務所
村上 健太
""",
        fmt="sjis",
        batch=H12,
    ),
    M(
        "h12-ja-billing-casual-upgrade-e5.eml",
        "billing",
        "casual internal-style: how an upgrade to E5 mid-month will be charged",
        ("小林 翔", "sho.kobayashi@nagisa-games.example"),
        "E5にあげたい件",
        """お疲れさまです、なぎさゲームスの小林です！

来月頭から情シスのメンバー5人だけ E3 → E5 に上げたいんですが、
月の途中で切り替えた場合って日割りになります？
それとも翌月の請求から丸ごとE5の単価ですか？

あと、E3の残り期間分は返ってくるのか相殺なのかも教えてもらえると助かります。
予算申請に数字入れたいので、ざっくりでOKです〜

よろしくです！
小林
""",
        batch=H12,
    ),
    M(
        "h12-ja-billing-switch-to-bank-debit.eml",
        "billing",
        "wants to change the payment method from card to bank debit and annual billing",
        ("田村 由美子", "tamura@kotobuki-shoten.example"),
        "お支払い方法の変更について",
        """クラウドパートナー株式会社
ご担当者様

いつもお世話になっております。寿書店の田村でございます。

現在クレジットカードでお支払いしておりますが、
来年度より口座振替に切り替えたいと考えております。
必要な手続きや申込書がございましたらご案内いただけますと幸いです。

また、月払いから年払いへ変更した場合の金額もあわせて
お見積りいただけますでしょうか（Microsoft 365 Business Standard 12ライセンス）。

よろしくお願いいたします。
"""
        + sig_ja("有限会社 寿書店", "総務", "田村 由美子", "4410"),
        fmt="utf8-b64",
        batch=H12,
    ),
    M(
        "h12-ja-billing-delinquent-quote-request.eml",
        "billing",
        "delinquent-status sender asking only for a quote for extra licences",
        ("中川 大輔", "d.nakagawa@aozora-clinic.example"),
        "見積書のご依頼",
        """お世話になっております。
あおぞらクリニック事務長の中川です。

来年4月に分院を開設する予定で、職員が8名ほど増えます。
現在と同じプラン（Business Premium）で8ライセンス追加した場合の
月額と年額のお見積書をお送りいただけますでしょうか。

院内の稟議に使いますので、PDFでいただけると助かります。
よろしくお願いいたします。

医療法人あおぞら会 あおぞらクリニック
事務長 中川 大輔
""",
        status="delinquent",
        batch=H12,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h12-en-disputes-never-agreed-50-seats.eml",
        "disputes",
        "contests the seat count billed without using 'wrong': never agreed to 50 seats",
        ("Daniel Osei", "daniel.osei@kitekite-media.example"),
        "November invoice - 50 seats?",
        """Hi,

I've just opened INV-2026-5218 and it bills us for 50 Business Standard seats. We never
agreed to 50 seats. Our order in September was for 22, your rep confirmed 22 by email,
and we have 21 people. I have no idea where 50 comes from.

I'm not paying for 28 licences nobody here ordered. Please reissue the invoice for 22
seats and confirm the extra ones are removed so this doesn't carry over to December.

Daniel Osei
Operations Director, KiteKite Media
""",
        batch=H12,
    ),
    M(
        "h12-en-disputes-three-times-last-month.eml",
        "disputes",
        "usage charge tripled with no change on their side; asks for it to be justified or reversed",
        ("Sandra Fiorentino", "s.fiorentino@fiorentino-accountants.example"),
        "Azure charges this month??",
        """Hello,

Our Azure line on this month's invoice is USD 2,947.60. Last month it was USD 981.15 and
the month before USD 1,004.40. So this is three times last month and nothing changed -
same two VMs, same backup job, nobody has logged in to add anything.

I'm not happy paying that until someone explains it line by line. If you can't show me
what we actually used, please take it off and bill us what we normally pay.

Sandra
"""
        + sig_en("Sandra Fiorentino", "Practice Manager", "Fiorentino & Co Accountants"),
        batch=H12,
    ),
    M(
        "h12-en-disputes-sales-fwd-cancelled-service.eml",
        "disputes",
        "our sales rep forwards a customer complaint about charges for a cancelled subscription",
        ("Mark Ellison", "mark.ellison@cloudpartner.example"),
        "FW: Still being billed for Dynamics after cancelling",
        """Hi billing,

Can one of you pick this up please? Greenfield are a good account and they're pretty
annoyed. They cancelled Dynamics 365 Sales with me at the end of August (I have the email)
and they're still getting charged for it on the Sept, Oct and Nov invoices. They want the
three months back.

Thanks
Mark

Mark Ellison | Account Manager | CloudPartner
"""
        + FWD_EN.format(
            sender="Joanne Price <j.price@greenfield-homes.example>",
            date="21 November 2026 16:40",
            to="Mark Ellison",
            subject="Still being billed for Dynamics after cancelling",
        )
        + """
Mark,

We cancelled Dynamics with you on 29 August. I've just been through our last three
invoices and it's on every one of them, EUR 380 a month. That's EUR 1,140 for something
we stopped using in the summer. I want that credited back, and I'd like to know it's
actually been switched off this time.

Joanne Price
Finance, Greenfield Homes
""",
        batch=H12,
    ),
    M(
        "h12-en-disputes-chargeback-phone.eml",
        "disputes",
        "angry phone mail threatening a chargeback over an unexpected charge",
        ("Kev Doyle", "kev@doyleplumbing.example"),
        "charge on my card",
        """just seen 649.00 come off the company card from you lot this morning. ive got 4
email accounts with you thats it. nobody rang me nobody asked me. if its not back on the
card by friday im going to the bank and doing a chargeback, simple as

Kev

Sent from my iPhone
""",
        batch=H12,
    ),
    M(
        "h12-en-disputes-double-debit-b64.eml",
        "disputes",
        "the same invoice was debited twice; asks for one debit to be returned",
        ("Ingrid Holm", "ingrid.holm@nordvik-shipping.example"),
        "INV-2026-5104 debited twice",
        """Dear Sir or Madam,

Our bank statement for 3 November shows two SEPA direct debits from CloudPartner of
EUR 1,240.00 each, both with the reference INV-2026-5104. There is only one invoice with
this number and we owe it once.

Please return the second debit to our account, and let me know the date we can expect
it. I have attached the bank statement extract.

Best regards,
Ingrid Holm
Accounts Payable

NORDVIK SHIPPING AS
Strandkaien 12, 5013 Bergen, Norway
CONFIDENTIALITY NOTICE: This message may contain confidential or privileged information.
If you are not the intended recipient, please notify the sender and delete this message.
Nordvik Shipping AS accepts no liability for any damage caused by this e-mail.
""",
        fmt="utf8-b64",
        batch=H12,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h12-ja-disputes-cancelled-still-billed.eml",
        "disputes",
        "keigo: still invoiced for a service cancelled in September, asks for it to be reversed",
        ("高橋 直樹", "n.takahashi@shinwa-butsuryu.example"),
        "解約済みサービスのご請求について",
        """クラウドパートナー株式会社
ご担当者様

平素より大変お世話になっております。
伸和物流 情報システム課の高橋でございます。

9月末をもって解約のお手続きをさせていただいたExchange Onlineアーカイブ（30ライセンス）
につきまして、10月分および11月分の請求書にも引き続き計上されておりました。
解約の際には御社営業の方より受付完了のご連絡をいただいております。

つきましては、当該2か月分（計39,600円）のご請求を取り消していただき、
お支払い済みの10月分についてはご返金をお願いできますでしょうか。

お手数をおかけいたしますが、ご確認のほどよろしくお願い申し上げます。
"""
        + sig_ja("伸和物流株式会社", "情報システム課", "高橋 直樹", "3862"),
        fmt="iso2022",
        batch=H12,
    ),
    M(
        "h12-ja-disputes-casual-doubled.eml",
        "disputes",
        "casual: this month's bill is double with nothing changed, wants it explained and fixed",
        ("森 あかり", "akari.mori@hanamori-design.example"),
        "今月の請求、なんで倍？",
        """はなもりデザインの森です。

今月の請求書見たんですけど、先月の倍になってませんか？
先月 48,400円 → 今月 96,800円。
人も増えてないし、プランも何もいじってないです。

正直このまま払うのは納得いかないので、
なんでこうなったのか説明もらえますか？
おかしいなら直した請求書を出し直してください。

森
""",
        batch=H12,
    ),
    M(
        "h12-ja-disputes-unit-price-not-quoted.eml",
        "disputes",
        "billed unit price differs from the agreed quote; asks for reissue at the quoted price",
        ("吉田 正人", "yoshida@kawabe-denki.example"),
        "請求単価について（INV-2026-5177）",
        """ご担当者様

いつもお世話になっております。川辺電気の吉田です。

INV-2026-5177を拝見しましたが、Microsoft 365 Business Standardの単価が
1ライセンスあたり1,560円で計上されております。
8月にいただいたお見積書（見積番号 Q-2026-0388）では1,250円とのことで、
この金額で社内決裁を取っております。

見積どおりの単価にて請求書を再発行いただけますでしょうか。
見積書の写しを添付いたします。

よろしくお願いいたします。

川辺電気工業株式会社
購買部 吉田 正人
""",
        fmt="sjis",
        batch=H12,
    ),
    M(
        "h12-ja-disputes-html-double-charge.eml",
        "disputes",
        "HTML-only: charged twice on the card for the same month, asks for one to be cancelled",
        ("石井 美穂", "m.ishii@sakura-yoga.example"),
        "カードに同じ金額が2回請求されています",
        """ご担当者様

さくらヨガスタジオの石井と申します。

カードの利用明細を確認したところ、11月2日に御社から
同じ金額（16,500円）が2回引き落とされていました。
11月分のご利用は1回分のはずですので、
1件はお取り消しいただけますでしょうか。

明細のスクリーンショットが必要でしたらお送りします。
どうぞよろしくお願いいたします。

さくらヨガスタジオ
石井 美穂
""",
        fmt="html",
        batch=H12,
    ),
    M(
        "h12-ja-disputes-trial-charged-qp.eml",
        "disputes",
        "charged during what was promised as a free trial; asks for a refund",
        ("長谷川 拓也", "t.hasegawa@ginga-soft.example"),
        "無償期間中の課金について",
        """ご担当者様

お世話になっております。銀河ソフトの長谷川です。

Power BI Proについて、御社営業の方から「最初の1か月は無償」と伺った上で
10月15日から20ライセンスで利用を開始しました。
しかし10月分の請求書に日割りで21,780円が計上されております。

無償とのご説明でしたので、この金額はお支払いできかねます。
ご返金、もしくは次回請求での相殺をお願いできますでしょうか。

営業の方とのメールのやり取りも残っておりますので、必要でしたらお送りいたします。

銀河ソフト株式会社
開発部 長谷川 拓也
""",
        fmt="utf8-qp",
        batch=H12,
    ),
    # ------------------------------------------------------------------ collections (en)
    M(
        "h12-en-collections-fwd-payment-failed.eml",
        "collections",
        "forwards our payment-failure notice and asks what they need to do",
        ("Beth Collins", "beth@collinsbakery.example"),
        "Fwd: Action required: payment for INV-2026-5290 was unsuccessful",
        """Hi, I got this over the weekend. Not sure what it means - is it the card? We did
get a new card from the bank last month, maybe that's it. What do I need to do so it
goes through? I don't want the email to stop working, the shop orders come in on it.

Beth
"""
        + FWD_EN.format(
            sender="CloudPartner Billing <no-reply@cloudpartner.example>",
            date="Saturday, 21 November 2026 03:02",
            to="beth@collinsbakery.example",
            subject="Action required: payment for INV-2026-5290 was unsuccessful",
        )
        + """
Dear customer,

We were unable to collect payment of GBP 86.40 for invoice INV-2026-5290 using the
card ending 4417. Please update your payment details in the customer portal within
7 days to avoid interruption to your services.

CloudPartner Billing
""",
        batch=H12,
    ),
    M(
        "h12-en-collections-suspended-paid-lift.eml",
        "collections",
        "suspended sender: has now paid and asks for the suspension to be lifted",
        ("Ahmed Karimi", "ahmed@karimi-imports.example"),
        "URGENT - paid yesterday, staff locked out",
        """Hello,

We paid the outstanding balance of USD 1,862.00 yesterday afternoon by bank transfer
(reference KARIMI-NOV). I'm sorry it was late, our bookkeeper was off sick and nobody
picked up the reminders.

Since this morning none of our 14 staff can get into Outlook or Teams. Please can you
turn the account back on as soon as possible, we have customers waiting. I can send the
transfer confirmation from the bank if that helps.

Ahmed Karimi
Director, Karimi Imports Ltd
Mob 07700 900 418
""",
        status="suspended",
        batch=H12,
    ),
    M(
        "h12-en-collections-payment-plan.eml",
        "collections",
        "asks for a payment plan for three overdue invoices",
        ("Rosa Delgado", "rosa@delgado-events.example"),
        "Outstanding invoices - can we spread this?",
        """Hi,

I know we're behind. INV-2026-4702, 4899 and 5096 are all still open, about EUR 4,300
in total. Since the summer season ended our cash flow has been really tight and I can't
clear it in one go.

Could we pay it off over three months, around EUR 1,450 a month from December, on top of
the normal monthly invoice? I'd set it up as a standing order so it doesn't slip again.
Please just don't switch anything off in the meantime.

Thanks for understanding,
Rosa Delgado
Delgado Events
""",
        batch=H12,
    ),
    M(
        "h12-en-collections-final-notice-ap-run.eml",
        "collections",
        "replies to a final overdue notice promising payment on the next AP run",
        ("Colin Mercer", "c.mercer@mercer-engineering.example"),
        "RE: Final reminder - account 100482 overdue",
        """Hi,

Received your final reminder. The two invoices missed our October payment run because
the PO number was missing on our side, that's now fixed and they're approved. They will
be paid on our next AP run on 27 November.

Can you confirm the account won't be restricted before then? Our site teams rely on it.

Regards,
Colin
"""
        + sig_en("Colin Mercer", "Accounts Payable Supervisor", "Mercer Engineering Group plc"),
        batch=H12,
    ),
    M(
        "h12-en-collections-delinquent-expired-card.eml",
        "collections",
        "delinquent sender, non-native: card expired, asks how to pay the overdue amount by transfer",
        ("Nguyen Thi Lan", "lan.nguyen@saigonkitchen.example"),
        "About the overdue payment",
        """Dear team,

I receive your letter that our account is overdue 2 month. I am sorry, our card was
expire in September and I did not know the payment is not going. Now I want to pay all
the overdue by bank transfer one time. Please can you send me the bank account detail
and the total amount I must pay?

After that I will put new card for the next month.

Thank you very much
Lan
Saigon Kitchen Restaurant
""",
        status="delinquent",
        batch=H12,
    ),
    # ------------------------------------------------------------------ collections (ja)
    M(
        "h12-ja-collections-apology-pay-date.eml",
        "collections",
        "keigo: apologises for a late payment after a reminder and gives the payment date",
        ("山口 和夫", "k.yamaguchi@fujimi-kogyo.example"),
        "お支払い遅延のお詫び",
        """クラウドパートナー株式会社
債権管理ご担当者様

いつも大変お世話になっております。
富士見工業 経理部の山口でございます。

先日ご送付いただきました督促状を拝受いたしました。
9月分（INV-2026-4655）のお支払いが遅れておりますこと、誠に申し訳ございません。
弊社内の支払処理に不備があり、お振込みが漏れておりました。

11月30日までに全額をお振込みいたしますので、
何卒サービスの停止はご容赦いただけますようお願い申し上げます。
"""
        + sig_ja("富士見工業株式会社", "経理部", "山口 和夫", "7720"),
        fmt="iso2022",
        batch=H12,
    ),
    M(
        "h12-ja-collections-suspended-paid.eml",
        "collections",
        "suspended sender: has paid the arrears and asks for the service stop to be lifted",
        ("藤井 さくら", "fujii@midori-kaikei.example"),
        "利用停止の解除をお願いします",
        """ご担当者様

お世話になっております。みどり会計事務所の藤井です。

未払いとなっておりました10月分・11月分につきまして、
本日午前中に合計52,800円をお振込みいたしました。
お支払いが遅れましたこと、大変失礼いたしました。

現在メールが使えない状態で業務に支障が出ておりますので、
ご入金をご確認いただけ次第、利用停止を解除していただけますでしょうか。
振込明細が必要でしたらFAXにてお送りいたします。

みどり会計事務所
藤井 さくら
TEL 048-555-2187
""",
        fmt="sjis",
        status="suspended",
        batch=H12,
    ),
    M(
        "h12-ja-collections-installments.eml",
        "collections",
        "asks to pay the overdue balance in instalments",
        ("岡田 勇気", "okada@hokuto-kensetsu.example"),
        "未払い分の分割でのお支払いについてご相談",
        """ご担当者様

お世話になっております。北斗建設の岡田です。

ご連絡をいただいておりました8月分から10月分までの未払い（合計186,450円）について
ご相談です。
元請けからの入金が遅れている関係で、一括でのお支払いが難しい状況です。

誠に勝手なお願いですが、12月から3か月に分けて
毎月62,150円ずつお支払いさせていただくことは可能でしょうか。
その間も通常の月額分は期日どおりお支払いいたします。

ご検討のほど、よろしくお願いいたします。

株式会社北斗建設
総務部 岡田 勇気
""",
        batch=H12,
    ),
    M(
        "h12-ja-collections-casual-fwd-debit-failed.eml",
        "collections",
        "casual: forwards a failed bank-debit notice and asks what to do",
        ("西村 蓮", "ren.nishimura@kaze-coffee.example"),
        "Fwd: 口座振替不能のお知らせ",
        """すみません、これってどうすればいいですか？
通帳見たら残高足りてなかったみたいです…
今月分は振込で払えばいいのか、来月まとめて引き落としになるのか教えてください。

かぜ珈琲 西村
"""
        + FWD_JA.format(
            sender="クラウドパートナー 請求センター <no-reply@cloudpartner.example>",
            date="2026年11月20日 9:00",
            subject="口座振替不能のお知らせ",
        )
        + """
かぜ珈琲 御中

11月分ご利用料金（INV-2026-5311、9,900円）について、
11月18日の口座振替ができませんでした。
お手数ですが、期日までに下記口座へお振込みください。
""",
        fmt="utf8-qp",
        batch=H12,
    ),
    M(
        "h12-ja-collections-html-delinquent-transfer.eml",
        "collections",
        "HTML-only, delinquent sender: asks for the total overdue and the account to pay it into",
        ("松本 理恵", "r.matsumoto@aoba-juku.example"),
        "滞納分のお支払いについて",
        """ご担当者様

青葉塾の松本です。いつもお世話になっております。

先週お電話をいただいた件で、滞っている分をまとめてお振込みしたいと思います。
現時点での未払いの合計金額と、振込先口座を教えていただけますでしょうか。

また、今後は引き落としが失敗しないよう、
登録口座を別の銀行に変更したいのですが、その手続きもあわせてお願いいたします。

青葉塾 事務局
松本 理恵
""",
        fmt="html",
        status="delinquent",
        batch=H12,
    ),
    # ------------------------------------------------------------------ escalations (en)
    M(
        "h12-en-escalations-portal-usage-vendor-fix.eml",
        "escalations",
        "portal shows metered usage on a deallocated VM; the vendor has to correct its metering",
        ("Raj Patel", "raj.patel@brightpath-it.example"),
        "Metering on deallocated VM - needs to go to Microsoft",
        """Hi,

The Azure cost analysis in the portal is showing 14.2 TB of outbound data transfer on
vm-sql-02 between 2 and 9 November. That VM was deallocated on 30 October (activity log
attached) and its NIC has no public IP. There is no way it sent any traffic.

This is a metering problem on Microsoft's side, not something you or we can fix. Please
raise it with them as a partner case so they correct the usage data before it lands on
our November invoice. Happy to join a call with their support if needed.

Raj Patel
Cloud Infrastructure Lead, BrightPath IT Services
""",
        batch=H12,
    ),
    M(
        "h12-en-escalations-usage-export-incident.eml",
        "escalations",
        "a provider-side incident broke the usage export they need for billing reconciliation",
        ("Fiona McLeod", "fiona.mcleod@tartanmsp.example"),
        "Usage export empty since provider incident",
        """Hello CloudPartner,

Since the provider's incident on 16 November (the one on their status page about the
billing API), the daily usage export for our reseller account comes back as an empty
file. We rebill 40+ end customers from that export, so right now we cannot produce
any of our own November invoices.

Their status page says "resolved" but the exports are still empty. Can you get this in
front of the vendor as a priority? We need the data back before month-end close.

Fiona McLeod
Head of Finance Operations, Tartan MSP Ltd
""",
        batch=H12,
    ),
    M(
        "h12-en-escalations-manager-unanswered.eml",
        "escalations",
        "explicitly asks for escalation to management after repeated unanswered tickets",
        ("Gregory Haines", "g.haines@haines-legal.example"),
        "Please pass this to a manager",
        """To whoever is in charge,

This is the fourth time I'm writing about our tenant migration (tickets 88231, 88410 and
88602). Each time I get an automatic reply and then nothing. The migration was meant to
be done on 1 November and our users are still on the old tenant.

I'd like this escalated to a manager, and if the hold-up is with Microsoft then to them
as well. Please have someone senior call me on 020 7946 0381 this week.

Gregory Haines
"""
        + sig_en("Gregory Haines", "Practice Director", "Haines & Partners Solicitors LLP"),
        fmt="utf8-qp",
        batch=H12,
    ),
    M(
        "h12-en-escalations-provisioning-stuck.eml",
        "escalations",
        "an order stuck pending at the vendor blocks licence assignment before billing starts",
        ("Mei Lin Tan", "meilin.tan@orchid-retail.example"),
        "25 licences still 'pending' after 5 days",
        """Hi team,

We ordered 25 Microsoft 365 E3 licences on 18 Nov (order ORD-77120). In the admin
center the subscription has been stuck in "Pending" since then, so I can't assign the
licences and our new store staff start on 1 December.

I assume this is stuck at Microsoft's end, since nothing on our side has changed. Can
you chase the vendor to finish provisioning? I also don't want billing to start for
licences we can't use yet, so please hold that until it's sorted.

Thanks,
Mei Lin
IT Administrator, Orchid Retail Group
""",
        batch=H12,
    ),
    M(
        "h12-en-escalations-sales-fwd-ri-not-applied.eml",
        "escalations",
        "our sales rep forwards a customer's case: the vendor is not applying a reserved instance",
        ("Priscilla Yeo", "priscilla.yeo@cloudpartner.example"),
        "FW: Reserved instances not applied",
        """Hi billing / partner desk,

Forwarding from Vantage Analytics. They bought 3-year RIs through us in October and
AWS still isn't applying them, so they're being metered at on-demand rates. I checked
the order on our side and it all looks right, so I think this needs a case opened with
AWS. Can someone who has the partner console access raise it?

Thanks,
Priscilla
"""
        + FWD_EN.format(
            sender="Oliver Grant <ogrant@vantage-analytics.example>",
            date="23 November 2026 11:05",
            to="Priscilla Yeo",
            subject="Reserved instances not applied",
        )
        + """
Hi Priscilla,

The 6 x m6i.2xlarge reservations we purchased on 2 October show as "active" in the
console, but Cost Explorer shows 0% utilisation and the instances are billed at the
on-demand rate. Same region, same instance family. Can you get AWS to look at it?

Oliver
""",
        batch=H12,
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "h12-ja-escalations-incident-usage-spike.eml",
        "escalations",
        "keigo: usage in the portal spiked during a vendor incident; asks for the vendor to correct it",
        ("伊藤 誠", "m.ito@kyoei-system.example"),
        "障害期間中の使用量データについて（ベンダー様へのご確認依頼）",
        """クラウドパートナー株式会社
ご担当者様

いつもお世話になっております。
共栄システム インフラ担当の伊藤でございます。

11月12日から13日にかけて発生したAzureの東日本リージョン障害の期間中、
ポータル上のストレージトランザクション数が通常の約40倍で計上されております。
当該期間、弊社側ではバッチ処理等を停止しており、実際の利用は発生しておりません。

障害に起因する計測データの異常と思われますので、
御社よりマイクロソフト社へ使用量データの修正をご依頼いただけますでしょうか。
ポータルの画面キャプチャを添付いたします。

お手数をおかけいたしますが、よろしくお願い申し上げます。
"""
        + sig_ja("共栄システム株式会社", "インフラ基盤部", "伊藤 誠", "5148"),
        fmt="iso2022",
        batch=H12,
    ),
    M(
        "h12-ja-escalations-request-manager.eml",
        "escalations",
        "keigo: no answer after three inquiries, asks for someone responsible to contact them",
        ("桜井 隆", "sakurai@meiwa-shoji.example"),
        "責任者の方からのご連絡をお願いいたします",
        """クラウドパートナー株式会社
ご担当者様

明和商事の桜井でございます。

テナント統合の件につきまして、10月以降3度お問い合わせをしておりますが、
いまだに具体的なご回答をいただけておりません。
年内に統合が完了しないと、来期の予算計画にも影響が出てまいります。

恐れ入りますが、本件を上長の方へお上げいただき、
責任者の方から今後の進め方についてご連絡をいただけますでしょうか。
ベンダー側の対応待ちであれば、その旨もあわせてお知らせください。

何卒よろしくお願い申し上げます。

明和商事株式会社
情報システム部 部長 桜井 隆
""",
        fmt="sjis",
        batch=H12,
    ),
    M(
        "h12-ja-escalations-casual-tenant-provisioning.eml",
        "escalations",
        "casual: new tenant provisioning never finishes, licences can't be assigned; asks to chase the vendor",
        ("上田 翼", "tsubasa.ueda@nijiiro-labs.example"),
        "新テナントがずっと準備中のまま",
        """お世話になってます、にじいろラボの上田です。

先週お願いした新しいテナント、管理センター見ると
まだ「セットアップ中」のままでライセンスが割り当てられません。
Microsoft側で止まってる気がするので、そっちに問い合わせてもらえますか？

来週から新メンバーが入るので、けっこう焦ってます。
あと使えてない期間の分は課金されないようにしておいてほしいです。

よろしくお願いします！
上田
""",
        batch=H12,
    ),
    M(
        "h12-ja-escalations-html-savings-plan.eml",
        "escalations",
        "HTML-only: a savings plan is not being applied by the vendor; asks for a vendor case",
        ("加藤 由紀", "y.kato@tsubame-data.example"),
        "Savings Planが適用されていない件",
        """ご担当者様

お世話になっております。つばめデータの加藤です。

10月1日に御社経由で購入したAWSのCompute Savings Plans（1年、月額換算 USD 3,200）ですが、
Cost Explorer上でカバレッジが0%のままとなっており、
EC2がすべてオンデマンド料金で計上されております。

購入内容やリージョンに問題はないと認識しており、
AWS側の適用処理の問題ではないかと考えております。
お手数ですが、AWSへサポートケースを起票いただけますでしょうか。

つばめデータ株式会社
クラウド推進室 加藤 由紀
""",
        fmt="html",
        batch=H12,
    ),
    M(
        "h12-ja-escalations-fwd-portal-subscriptions-disabled.eml",
        "escalations",
        "new text reports subscriptions shown disabled after a vendor incident; quote is an invoice-copy request",
        ("清水 健", "ken.shimizu@asahi-insatsu.example"),
        "Re: 10月分請求書の再送について",
        """お世話になっております。朝日印刷の清水です。

請求書の件では先日はありがとうございました。
別件で急ぎのご相談です。

本日朝から、Azureポータル上で弊社のサブスクリプション3件が
すべて「無効」と表示されており、VMが起動できません。
お支払いは毎月済んでおりますし、Azureの状態ページにも
サブスクリプション管理の障害が出ているようです。
ベンダー側の問題かと思いますので、至急マイクロソフトへ確認をお願いできますか。

朝日印刷株式会社 システム課
清水 健

> 清水様
>
> いつもお世話になっております。
> ご依頼の10月分請求書（INV-2026-4902）を再送いたしますので、ご確認ください。
>
> クラウドパートナー株式会社 請求担当
""",
        fmt="utf8-b64",
        batch=H12,
    ),
]
