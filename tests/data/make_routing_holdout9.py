"""Held-out batch 9 of the routing corpus (see make_routing_holdout.py), written with the
rules frozen and without reading config/rules.toml while writing, after holdout-3 was
tuned on. All four queues, English and Japanese, varied voices: terse, angry, polite
keigo, forwarded, typed on a phone, HTML-only, ISO-2022-JP.

- "holdout-9": measured once untouched (see the figures in tests/test_rules.py), never
  tuned on. Do not edit these mails to suit the rules.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja

H9 = "holdout-9"

FWD_EN = """
---------- Forwarded message ---------
From: {sender}
Date: {date}
Subject: {subject}
To: {to}
"""

HOLDOUT_9: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h9-en-billing-terse-pdf.eml",
        "billing",
        "terse: wants the August invoice as PDF",
        ("Sam Okoro", "sam@okoro-dental.example"),
        "aug invoice",
        """pdf of august invoice pls, the portal one won't print properly

sam
""",
        batch=H9,
    ),
    M(
        "h9-en-billing-forwarded-ap.eml",
        "billing",
        "forwarded from their AP team: which entity to address invoices to after a merger",
        ("Grace Lin", "grace.lin@fernhill-group.example"),
        "Fwd: Invoice addressing after the merger",
        """Hi,

See below from our accounts payable team - can you update the billing entity from next
month? Nothing wrong with past invoices, we just need the new name going forward.

Thanks, Grace
"""
        + FWD_EN.format(
            sender="AP Team <ap@fernhill-group.example>",
            date="Mon, 2 Sep 2024 10:12",
            subject="Invoice addressing after the merger",
            to="Grace Lin <grace.lin@fernhill-group.example>",
        )
        + """
Grace, from 1 October all supplier invoices must be addressed to Fernhill Group Holdings
Ltd (company no. 10293847), not Fernhill Retail Ltd. Could you let our IT suppliers know?

AP
""",
        batch=H9,
    ),
    M(
        "h9-en-billing-budget-forecast.eml",
        "billing",
        "asks for a cost forecast for next year's budget, mentions a rise",
        ("Priya Nair", "priya.nair@coastalhomes.example"),
        "Budget for next financial year",
        """Hello,

I'm preparing next year's IT budget. Could you send an estimate of our annual Microsoft
365 and Azure spend based on current usage, and tell me whether any price rises have been
announced for April? I'd rather not be caught out by an increase mid-year.

Best wishes,
Priya
"""
        + sig_en("Priya Nair", "Finance Manager", "Coastal Homes Ltd"),
        batch=H9,
    ),
    M(
        "h9-en-billing-mobile-add-seats.eml",
        "billing",
        "mobile, typos: how much for 3 more Business Standard seats",
        ("Danny Rourke", "danny@rourke-builders.example"),
        "more licences",
        """hiya how much wud it be for 3 more busines standard licences, new lads startin
monday. just add them to next months bill if thats easyer

Sent from my iPhone
""",
        batch=H9,
    ),
    M(
        "h9-en-billing-html-remittance.eml",
        "billing",
        "HTML-only remittance advice from a customer in good standing",
        ("Accounts", "accounts@brightwater-clinic.example"),
        "Remittance advice 2024-09",
        """<html><body><p>Dear Supplier,</p>
<p>Please find below details of our payment run on 5 September 2024.</p>
<table><tr><td>Invoice</td><td>INV-2024-04410</td><td>GBP 1,284.00</td></tr>
<tr><td>Invoice</td><td>INV-2024-04502</td><td>GBP 96.00</td></tr></table>
<p>Total paid by BACS: GBP 1,380.00</p>
<p>Brightwater Clinic Accounts</p></body></html>""",
        fmt="html",
        status="active",
        batch=H9,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h9-ja-billing-keigo-invoice-date.eml",
        "billing",
        "丁寧: 請求書の発行日を月末締めにしてほしいという相談",
        ("佐々木 真理", "sasaki@kotobuki-shoji.example"),
        "請求書の発行タイミングについてのご相談",
        """株式会社クラウドパートナー
ご担当者様

いつも大変お世話になっております。寿商事経理部の佐々木でございます。

弊社の経理処理の都合上、毎月の請求書を月末締め・翌月5日頃の発行としていただくことは
可能でしょうか。現在は20日頃に届いておりますため、締め処理に間に合わないことがございます。

お手数をおかけいたしますが、ご検討のほどよろしくお願い申し上げます。
"""
        + sig_ja("寿商事株式会社", "経理部", "佐々木 真理", "2231"),
        batch=H9,
    ),
    M(
        "h9-ja-billing-iso2022-receipt.eml",
        "billing",
        "ISO-2022-JP: カード払い分の領収書がほしい",
        ("森田 健", "morita@morita-kogyo.example"),
        "領収書発行のお願い",
        """クラウドパートナー御中

森田工業の森田です。
8月分をクレジットカードで支払いましたので、領収書の発行をお願いできますでしょうか。
宛名は「森田工業株式会社」でお願いします。

よろしくお願いいたします。
森田
""",
        fmt="iso2022",
        batch=H9,
    ),
    M(
        "h9-ja-billing-license-reduce.eml",
        "billing",
        "来月からライセンスを減らしたい、いつまでに連絡すればよいか",
        ("岡本 さくら", "okamoto@sakura-design.example"),
        "ライセンス数の変更",
        """お世話になっております。さくらデザインの岡本です。

スタッフが2名退職するため、来月からMicrosoft 365のライセンスを10から8に減らしたいです。
月の途中でも減らせるのか、また何日までにご連絡すれば翌月の請求に反映されるか
教えていただけますか。

岡本
""",
        batch=H9,
    ),
    M(
        "h9-ja-billing-bank-change.eml",
        "billing",
        "振込元の銀行口座が変わるという事前連絡",
        ("経理課", "keiri@minato-unyu.example"),
        "振込口座変更のお知らせ",
        """株式会社クラウドパートナー　御中

平素より大変お世話になっております。みなと運輸経理課でございます。

10月分のお支払より、弊社の振込元口座が下記に変更となりますので、
入金確認の際にご留意いただけますと幸いです。

旧：あおば銀行　本店　普通 1234567
新：みどり信用金庫　港支店　普通 7654321

今後ともよろしくお願い申し上げます。
""",
        status="active",
        batch=H9,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h9-en-disputes-angry-caps.eml",
        "disputes",
        "angry: billed for 40 users, they have 12 staff",
        ("Mark Devlin", "mark@devlin-motors.example"),
        "WHAT IS THIS INVOICE",
        """40 USERS?? We are a garage with 12 people. Nobody here set up 40 accounts and I'm
not having it. Sort it out and send me a proper bill for what we actually have.

Mark
""",
        batch=H9,
    ),
    M(
        "h9-en-disputes-polite-renewal.eml",
        "disputes",
        "polite: auto-renewed for a year after they gave notice; wants it reversed",
        ("Helen Marsh", "h.marsh@marshandco-law.example"),
        "Annual renewal - notice was given",
        """Dear Billing team,

I hope you are well. We received invoice INV-2024-05120 for a further twelve months of
Dynamics 365, but we gave written notice on 14 June that we would not be renewing (copy
attached). I would be grateful if you could cancel this invoice and confirm that no
further charges will be raised for Dynamics.

Kind regards,
Helen Marsh
"""
        + sig_en("Helen Marsh", "Practice Manager", "Marsh & Co Solicitors"),
        attach=(("Notice_of_non_renewal.pdf", "application/pdf"),),
        batch=H9,
    ),
    M(
        "h9-en-disputes-mobile-typos.eml",
        "disputes",
        "mobile typos: card taken twice this month",
        ("Lucy Chen", "lucy@chenbakery.example"),
        "card payment",
        """hi you took £54 off my card on the 1st and then agian on the 3rd, same amount. only
have the one subscription?? can u put the second one back pls

Sent from my Samsung
""",
        batch=H9,
    ),
    M(
        "h9-en-disputes-forwarded-finance.eml",
        "disputes",
        "forwarded from finance: Azure invoice includes VMs deleted in July",
        ("Owen Pryce", "owen.pryce@pryce-analytics.example"),
        "FW: Azure charges - deleted VMs",
        """Hi,

Forwarding our finance team's note. Those VMs were deleted on 3 July (I can send the
activity log), so August shouldn't have any compute on it at all. Please credit it.

Owen
"""
        + FWD_EN.format(
            sender="Finance <finance@pryce-analytics.example>",
            date="Tue, 10 Sep 2024 08:40",
            subject="Azure charges - deleted VMs",
            to="Owen Pryce <owen.pryce@pryce-analytics.example>",
        )
        + """
Owen, the August Azure invoice has £2,310 of virtual machine compute for the
analytics-dev resource group. I thought you shut that environment down? We're not
approving this one for payment until it's explained.
""",
        batch=H9,
    ),
    M(
        "h9-en-disputes-html-credit-missing.eml",
        "disputes",
        "HTML-only: promised service credit for the outage never appeared on the invoice",
        ("Anita Desai", "anita.desai@lotusfoods.example"),
        "Service credit not reflected",
        """<html><body><p>Hello,</p>
<p>Following the Exchange outage in July your account manager confirmed in writing that
we would receive a 10% credit on the August invoice. The August invoice arrived at the full
amount with no credit. We expect the credit to be honoured - please reissue the invoice with
it applied.</p>
<p>Regards,<br>Anita Desai<br>Lotus Foods</p></body></html>""",
        fmt="html",
        batch=H9,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h9-ja-disputes-keigo-quantity.eml",
        "disputes",
        "丁寧: 契約30ライセンスなのに35で請求されている、差額の調整を依頼",
        ("石田 直子", "ishida@hoshino-kenchiku.example"),
        "9月分ご請求のライセンス数につきまして",
        """株式会社クラウドパートナー
ご担当者様

平素より格別のお引き立てを賜り、誠にありがとうございます。
星野建築総務部の石田でございます。

9月分のご請求書を拝見いたしましたところ、Microsoft 365 Business Premiumが
35ライセンス分計上されておりました。弊社の契約は30ライセンスでございまして、
追加のお申し込みもいたしておりません。

恐れ入りますが、ご確認のうえ差額分をご調整いただけますようお願い申し上げます。
"""
        + sig_ja("星野建築株式会社", "総務部", "石田 直子", "4410"),
        batch=H9,
    ),
    M(
        "h9-ja-disputes-iso2022-cancelled.eml",
        "disputes",
        "ISO-2022-JP: 7月末で解約したのに8月分が引き落とされた",
        ("原田 大輔", "harada@harada-seimen.example"),
        "解約後の引き落としについて",
        """クラウドパートナー様

原田製麺の原田です。
7月末で解約の手続きをしていただいたはずですが、本日8月分が口座から引き落とされていました。
解約完了のメールも受け取っております。引き落とされた分を返していただけますか。

原田
""",
        fmt="iso2022",
        batch=H9,
    ),
    M(
        "h9-ja-disputes-angry-price.eml",
        "disputes",
        "怒り: 何の説明もなく単価が上がっている、元の単価で請求し直せ",
        ("中島 剛", "nakajima@nakajima-denki.example"),
        "単価が勝手に上がっている件",
        """今月の請求書、Teams Phoneの単価が先月より3割も上がっています。
値上げの話など一切聞いていません。
元の単価で請求書を作り直してください。このままでは払えません。

中島電機　中島
""",
        batch=H9,
    ),
    # ------------------------------------------------------------------ collections (en)
    M(
        "h9-en-collections-terse-next-week.eml",
        "collections",
        "terse: will pay the overdue one next week",
        ("Tom Hale", "tom@halejoinery.example"),
        "Re: INV-2024-04877",
        """Sorry, missed this one. Will get it paid next week.

Tom
""",
        batch=H9,
    ),
    M(
        "h9-en-collections-split.eml",
        "collections",
        "cannot pay the quarter in one go, proposes three monthly amounts",
        ("Fiona Walsh", "fiona@walsh-events.example"),
        "Q3 invoice",
        """Hi,

Events have been quiet this summer and we can't cover the full Q3 invoice this month.
Would it be OK if we paid it in three monthly chunks of £820 starting on the 30th?
We don't want to lose the service.

Thanks for understanding,
Fiona
"""
        + sig_en("Fiona Walsh", "Director", "Walsh Events Ltd"),
        batch=H9,
    ),
    M(
        "h9-en-collections-locked-delinquent.eml",
        "collections",
        "delinquent customer: staff locked out, asks what must be paid to restore",
        ("Kevin Boyd", "kboyd@boydlogistics.example"),
        "Locked out",
        """Our staff are locked out of email this morning. I assume this is the account
issue your colleague called about. What do we need to pay today to get it back on?

Kevin
""",
        status="delinquent",
        batch=H9,
    ),
    M(
        "h9-en-collections-html-chaser-reply.eml",
        "collections",
        "HTML-only: replies to a chaser, payment held up by their approval process",
        ("Nora Quinn", "nora.quinn@quinnarchitects.example"),
        "RE: Reminder - invoice INV-2024-04231 now 30 days late",
        """<html><body><p>Hi,</p>
<p>Thanks for the nudge. The invoice is stuck waiting for a second signatory while our MD is
on leave; she is back on Monday and I'll get it approved and paid the same day.</p>
<p>Nora</p></body></html>""",
        fmt="html",
        batch=H9,
    ),
    # ------------------------------------------------------------------ collections (ja)
    M(
        "h9-ja-collections-keigo-delay.eml",
        "collections",
        "丁寧: 入金が月末になる旨のお詫び",
        ("松本 由美", "matsumoto@aoyama-kikaku.example"),
        "お支払い時期についてのお詫び",
        """株式会社クラウドパートナー
ご担当者様

いつもお世話になっております。青山企画の松本でございます。

8月分のご請求につきまして、お支払期日を過ぎてしまっており大変申し訳ございません。
社内の承認手続きに時間を要しており、9月30日までにはお振込みいたします。
ご迷惑をおかけいたしますが、何卒よろしくお願い申し上げます。
"""
        + sig_ja("株式会社青山企画", "管理部", "松本 由美", "7782"),
        batch=H9,
    ),
    M(
        "h9-ja-collections-mobile.eml",
        "collections",
        "スマホから: 引き落としできなかった連絡を受けた、どうすれば",
        ("高木", "takagi.k@example-mobile.example"),
        "引き落とし",
        """すみません、口座の残高が足りず引き落としができなかったとSMSが来ました
振込でいいですか？口座教えてください

iPhoneから送信
""",
        batch=H9,
    ),
    M(
        "h9-ja-collections-iso2022-stopped.eml",
        "collections",
        "ISO-2022-JP: 利用停止の通知、未払い分を払うので早く戻してほしい",
        ("吉田 誠", "yoshida@yoshida-kousan.example"),
        "利用停止の件",
        """クラウドパートナー　ご担当者様

吉田興産の吉田です。
本日、支払遅延のため利用停止とのご連絡をいただきました。
未払いの2か月分は明日中に振り込みますので、確認でき次第すぐに再開をお願いします。

吉田
""",
        fmt="iso2022",
        batch=H9,
    ),
    # ------------------------------------------------------------------ escalations (en)
    M(
        "h9-en-escalations-terse-teams.eml",
        "escalations",
        "terse: Teams calls dropping for everyone since the update",
        ("Raj Patel", "raj@patelpharmacy.example"),
        "teams calls",
        """Teams calls keep dropping after 2-3 mins for all of us since this week's update.
Can you get someone on it

Raj
""",
        batch=H9,
    ),
    M(
        "h9-en-escalations-angry-mailbox.eml",
        "escalations",
        "angry: shared mailbox gone since migration, third day, wants Microsoft involved",
        ("Claire Dunn", "claire@dunnrecruitment.example"),
        "Shared mailbox STILL missing",
        """This is day three. The recruitment@ shared mailbox vanished after your team migrated
us on Friday and we are missing candidate emails. I don't care whose fault it is, I need
someone at Microsoft looking at this today, not another "we're investigating".

Claire Dunn
"""
        + sig_en("Claire Dunn", "Managing Director", "Dunn Recruitment"),
        batch=H9,
    ),
    M(
        "h9-en-escalations-forwarded-ndr.eml",
        "escalations",
        "forwarded bounce: mail to one customer's domain rejected by Exchange Online",
        ("Ben Carter", "ben@carter-supplies.example"),
        "Fwd: Undeliverable: Order confirmation",
        """Hi,

Every mail we send to halden-foods.example bounces with the message below, since Tuesday.
Their IT say nothing changed on their side. Can you check with Microsoft?

Ben
"""
        + FWD_EN.format(
            sender="Microsoft Outlook <postmaster@carter-supplies.example>",
            date="Wed, 11 Sep 2024 14:02",
            subject="Undeliverable: Order confirmation",
            to="Ben Carter <ben@carter-supplies.example>",
        )
        + """
Delivery has failed to these recipients or groups:
orders@halden-foods.example
Remote server returned '550 5.7.708 Service unavailable. Access denied, traffic not
accepted from this IP.'
""",
        batch=H9,
    ),
    M(
        "h9-en-escalations-html-mfa.eml",
        "escalations",
        "HTML-only: admins can't get past MFA prompt loop in the admin portal",
        ("Liam O'Neill", "liam.oneill@oneillvets.example"),
        "MFA loop for admin accounts",
        """<html><body><p>Hello,</p>
<p>Both of our global admin accounts get stuck in an endless MFA prompt when we try to open
the Microsoft 365 admin portal. Authenticator approves, then it just asks again. We cannot
manage anything. Please raise this with Microsoft as a priority.</p>
<p>Liam</p></body></html>""",
        fmt="html",
        batch=H9,
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "h9-ja-escalations-keigo-sharepoint.eml",
        "escalations",
        "丁寧: SharePointのファイルが開けず、メーカーへの確認を依頼",
        ("西村 香織", "nishimura@nishimura-sekkei.example"),
        "SharePoint上のファイルが開けない件のご相談",
        """株式会社クラウドパートナー
ご担当者様

いつも大変お世話になっております。西村設計の西村でございます。

一昨日より、SharePointに保存しているExcelファイルを開こうとすると
「申し訳ございません。問題が発生しました」と表示され、開くことができません。
社内の複数の端末で同様の状況でございます。

お手数ですが、マイクロソフト様へのお問い合わせをお願いできますでしょうか。
"""
        + sig_ja("西村設計株式会社", "総務部", "西村 香織", "6120"),
        batch=H9,
    ),
    M(
        "h9-ja-escalations-iso2022-license.eml",
        "escalations",
        "ISO-2022-JP: 購入したライセンスが管理センターに出てこない",
        ("小林 拓也", "kobayashi@kobayashi-shokai.example"),
        "追加ライセンスが反映されていません",
        """クラウドパートナー様

小林商会の小林です。
先週追加購入したExchange Online Plan 1の5ライセンスが、まだ管理センターに表示されていません。
新入社員のメールアドレスが作れず困っています。至急ご確認ください。

小林
""",
        fmt="iso2022",
        batch=H9,
    ),
    M(
        "h9-ja-escalations-angry-outage.eml",
        "escalations",
        "怒り: 朝からOutlookが全く使えない、いつ直るのか",
        ("田村", "tamura@tamura-butsuryu.example"),
        "Outlookが全く使えません",
        """朝から全員Outlookでメールの送受信が全くできません。
仕事になりません。いつ直るんですか？
マイクロソフト側で何か起きているなら早く教えてください。

田村物流　田村
""",
        batch=H9,
    ),
    M(
        "h9-ja-escalations-mobile-tenant.eml",
        "escalations",
        "スマホから: テナントの管理者アカウントに入れない",
        ("井上", "inoue.t@example-mobile.example"),
        "管理者アカウント",
        """管理者アカウントでサインインしようとするとパスワードが違うと出て入れません
パスワードリセットもメールが来ないです
どうにかなりませんか

iPhoneから送信
""",
        batch=H9,
    ),
]
