"""Held-out batch 11 of the routing corpus (see make_routing_holdout.py), written blind on
2026-11-24: config/rules.toml, the rules code, the rules tests, the golden file, the labels
and the existing routing mails were not opened while writing, so nothing here was shaped to
what the rules look for. Labels are what a billing-support lead would choose. All four
queues, ten mails each, half English and half Japanese: terse phone mails, long rambling
ones, polite keigo, angry ones, accountants and engineers, forwarded chains whose quoted
history is about something else than the new text (the label follows the new text),
Outlook disclaimers, typos, HTML-only, ISO-2022-JP, Shift_JIS, quoted-printable, base64.

- "holdout-11": measured once untouched, never tuned on. Do not edit these mails to suit
  the rules.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja

H11 = "holdout-11"

FWD_EN = """
-----Original Message-----
From: {sender}
Sent: {date}
To: {to}
Subject: {subject}
"""

HOLDOUT_11: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h11-en-billing-outage-invoice-download.eml",
        "billing",
        "wants an invoice PDF emailed; the outage is only why the portal download failed",
        ("Sam Whitfield", "sam.w@whitfield-joinery.example"),
        "Re: October invoice",
        """Hi

Couldn't get into the portal last Tues when you lot had that outage, and now I've
forgotten what I was doing. Anyway could someone just email me the PDF for INV-2026-4471
(October)? Bookkeeper wants it by Friday.

Cheers
Sam

Sent from my iPhone
""",
        batch=H11,
    ),
    M(
        "h11-en-billing-accountant-proration.eml",
        "billing",
        "accountant asks how mid-month seat additions are prorated so she can accrue them",
        ("Priya Raman", "priya.raman@alderbrook-accounting.example"),
        "Query on pro-rata charges for added licences - Alderbrook",
        """Dear Billing Team,

I am reconciling our November accruals and would appreciate a short explanation of how
additional seats are charged when they are added part-way through a billing period.

Specifically: on 12 November our IT manager added 6 Microsoft 365 Business Premium
licences to the existing 30. Will those 6 appear on the December invoice as a pro-rata
amount for 12-30 November plus a full month for December, or will the whole period be
rolled into the renewal date? And is the daily rate calculated on a 30-day month or on the
actual number of days in the month?

I don't need any amounts changed, I just need to know what to accrue in November so our
month-end closes cleanly.

Many thanks in advance.
"""
        + sig_en("Priya Raman", "Senior Management Accountant", "Alderbrook Accounting LLP"),
        fmt="utf8-qp",
        batch=H11,
    ),
    M(
        "h11-en-billing-reserved-instance-refund-q.eml",
        "billing",
        "asks whether a reserved instance can be cancelled for a refund; a question, not a claim",
        ("Tomasz Nowak", "t.nowak@lumenflow.example"),
        "Azure reservation - can we get money back?",
        """Hello,

We bought a 1-year Azure reservation for 4x D8s v5 in West Europe in March. We're moving
that workload to containers in January so the reservation will be mostly idle after that.

Is it possible to cancel or exchange it through you, and if we cancel, how is the refund
calculated (is there an early termination fee)? Just trying to understand the options
before we decide, nothing needs doing yet.

Thanks,
Tomasz Nowak
Platform Engineer, LumenFlow
""",
        batch=H11,
    ),
    M(
        "h11-en-billing-delinquent-w9.eml",
        "billing",
        "delinquent account, but the mail only asks for a W-9 form for vendor onboarding",
        ("Gail Sorensen", "gsorensen@prairiehealth.example"),
        "W-9 request for vendor setup",
        """Hi there,

Our procurement department is moving all vendors into a new AP system and needs an up to
date W-9 from Cloud Partner before it can set you up. Could you send a signed copy
(dated 2026) to ap-vendors@prairiehealth.example? Please also confirm the remit-to address
that should be printed on our side.

Thank you!
"""
        + sig_en("Gail Sorensen", "Vendor Master Data Specialist", "Prairie Health Partners"),
        status="delinquent",
        batch=H11,
    ),
    M(
        "h11-en-billing-html-po-number.eml",
        "billing",
        "HTML-only: asks to add a new PO number to invoices from the next cycle",
        ("Denise Carter", "denise.carter@harborline.example"),
        "New PO for FY27 - please quote on invoices",
        """Good morning,

Our new fiscal year starts on 1 December. From the December invoice onwards, please
quote purchase order number PO-FY27-00318 on every invoice for our Azure and M365
subscriptions. Invoices without a valid PO will be returned by our AP team
automatically, which I'm sure neither of us wants!

The billing address and contact stay the same.

Best,
Denise Carter
Procurement Coordinator | Harborline Logistics
""",
        fmt="html",
        batch=H11,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h11-ja-billing-company-rename.eml",
        "billing",
        "keigo: company merger, asks to change the addressee name on invoices",
        ("中村 佳子", "y.nakamura@sakura-seiki.example"),
        "請求書宛名変更のお願い（社名変更に伴う）",
        """株式会社クラウドパートナー
ご請求担当者様

いつも大変お世話になっております。
さくら精機株式会社 経理部の中村でございます。

さて、弊社は2026年12月1日付で関連会社と合併し、社名を
「さくら精機ホールディングス株式会社」に変更する運びとなりました。
つきましては、12月分以降の請求書の宛名を新社名に変更いただけますでしょうか。

なお、所在地・ご担当窓口・お支払い方法に変更はございません。
登記簿謄本の写しが必要でしたらお送りいたしますので、お申し付けください。

お手数をおかけいたしますが、何卒よろしくお願い申し上げます。
"""
        + sig_ja("さくら精機株式会社", "経理部", "中村 佳子", "2741"),
        fmt="iso2022",
        batch=H11,
    ),
    M(
        "h11-ja-billing-invoice-system-number.eml",
        "billing",
        "asks that the qualified-invoice registration number be printed on invoices",
        ("高橋 誠", "takahashi@kitaguni-unyu.example"),
        "適格請求書の登録番号について",
        """ご担当者様

お世話になっております。北国運輸の高橋です。

税理士から指摘がありまして、御社の請求書（INV-2026-3920 など）に
適格請求書発行事業者の登録番号（T から始まる番号）が見当たらないとのことでした。
インボイス制度の要件を満たした形式での発行は可能でしょうか。
もし既に記載箇所があるようでしたら、どこを見ればよいか教えてください。

また、過去分（2026年4月以降）も同じ形式で再発行いただけると助かります。

よろしくお願いいたします。

北国運輸株式会社 総務課
高橋 誠
""",
        fmt="sjis",
        batch=H11,
    ),
    M(
        "h11-ja-billing-terse-receipt.eml",
        "billing",
        "phone-terse: wants a receipt for a card payment",
        ("森田", "morita.k@cafe-morita.example"),
        "領収書",
        """先月カードで払った分の領収書ください。宛名はカフェもりたでお願いします。

iPhoneから送信
""",
        batch=H11,
    ),
    M(
        "h11-ja-billing-e3-to-e5-proration.eml",
        "billing",
        "plan change question: E3 to E5 mid-term, how the difference is prorated",
        ("井上 大輔", "d.inoue@hoshizora-games.example"),
        "M365 E3→E5 へのupgradeと日割りについて",
        """クラウドパートナー 御中

情シスの井上です。お世話になっております。

来月あたまに、Microsoft 365 E3 を 50 ライセンス中 20 ライセンスだけ E5 に
upgrade したいと考えています（Defender と Power BI Pro が目当てです）。

以下を教えてください。
・契約期間の途中で upgrade した場合、差額は日割りで請求されるのか
・残りの 30 ライセンスの E3 の renewal date はそのままか
・E5 に変えた 20 ライセンス分の E3 の残り期間はクレジットされるのか

稟議を書くのに概算が必要なので、見積もりをいただけると助かります。
よろしくお願いします。

星空ゲームス株式会社 情報システム部
井上 大輔
""",
        fmt="utf8-b64",
        batch=H11,
    ),
    M(
        "h11-ja-billing-fwd-outage-then-payment-method.eml",
        "billing",
        "forward: quoted thread is an old outage report; the new text asks to switch to bank debit",
        ("松本 由美", "matsumoto@aozora-dental.example"),
        "Fw: 【障害のお知らせ】管理ポータルへの接続不具合について",
        """お世話になっております。あおぞら歯科の松本です。

障害の件とは全く関係ないのですが、このメールしか手元に残っていなかったので
転送にて失礼いたします。

来年1月分から、お支払いをクレジットカードから口座振替に切り替えたいです。
必要な書類（口座振替依頼書など）があれば郵送していただけますか。
送付先は下記の医院住所でお願いいたします。

〒150-0000 東京都渋谷区〇〇 1-2-3 あおぞら歯科クリニック 事務長 松本

-------- 転送メッセージ --------
件名: 【障害のお知らせ】管理ポータルへの接続不具合について
差出人: 株式会社クラウドパートナー サポート窓口

いつもご利用いただきありがとうございます。
本日 9:40 頃より、管理ポータルにログインできない障害が発生しております。
現在、原因を調査中です。ご迷惑をおかけし申し訳ございません。
復旧次第、改めてご連絡いたします。
""",
        batch=H11,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h11-en-disputes-angry-double-charge.eml",
        "disputes",
        "angry: card charged twice for the same month, demands one be reversed, threatens bank",
        ("Kevin Doyle", "kevin@doyle-motors.example"),
        "CHARGED TWICE AGAIN",
        """This is ridiculous. My Amex shows two charges of $1,284.60 on 3 November, both
referencing October. INV-2026-5102 and INV-2026-5103 are the SAME invoice with different
numbers. We have 22 users, we pay for 22 users once.

Put one of them back on the card by the end of the week or I'm calling Amex and
reporting it. I shouldn't have to chase you for my own money.

Kevin Doyle
Doyle Motors
""",
        batch=H11,
    ),
    M(
        "h11-en-disputes-polite-cancelled-licences.eml",
        "disputes",
        "polite: still billed for Dynamics licences cancelled in August, asks for a corrected invoice",
        ("Eleanor Vance", "e.vance@greystone-trust.example"),
        "September invoice - Dynamics 365 line",
        """Dear colleagues,

I hope this finds you well. I'd be grateful for your help with our September invoice,
INV-2026-4018.

It includes 6 Dynamics 365 Sales Professional licences at $95.00 each ($570.00). We asked
for these to be removed at the end of August, and your colleague Mark confirmed on
28 August that they had been cancelled (his reply is below my signature if useful).

Could you please look into this and send us a corrected invoice without that line? We
have held the invoice in our system until then, the remainder is fine.

With thanks,
Eleanor Vance
Finance Officer, Greystone Charitable Trust

> From: Mark Ellis <mark.ellis@cloudpartner.example>
> Sent: 28 August 2026 16:02
> Subject: RE: Dynamics licences
>
> Hi Eleanor, confirming the 6 Dynamics 365 Sales Professional licences are
> cancelled effective 31 August. Kind regards, Mark
""",
        fmt="utf8-qp",
        batch=H11,
    ),
    M(
        "h11-en-disputes-terse-seat-count.eml",
        "disputes",
        "phone-terse: billed for 25 seats but only has 12, refuses that amount",
        ("Ana Ribeiro", "ana@ribeiro-arch.example"),
        "25 seats??",
        """why is nov invoice for 25 business std seats, we have 12 people and 12 licences
assigned. not paying for 25. pls fix and resend

ana
sent from mobile, excuse typos
""",
        batch=H11,
    ),
    M(
        "h11-en-disputes-fwd-reminder-price-increase.eml",
        "disputes",
        "forward: quoted part is a payment reminder; the new text contests an unagreed price rise",
        ("Richard Osei", "r.osei@osei-partners.example"),
        "FW: Payment reminder - INV-2026-4870",
        """Hi,

Forwarding your reminder below. To be clear, we are not refusing to pay, we are holding
the invoice because the amount is wrong.

The per-user price for Business Premium went from $22.00 to $26.40 on this invoice. Our
agreement (signed January, 3-year term) fixes the price at $22.00 until January 2029 and
nobody told us about any change. 40 users x $4.40 = $176.00 overcharged, and the same
again on the previous invoice, which I only noticed now.

Please issue a credit note for both months and confirm the price will go back to the
contracted rate. We'll pay the correct amount as soon as we receive it.

Richard
"""
        + sig_en("Richard Osei", "Managing Partner", "Osei & Partners Solicitors")
        + FWD_EN.format(
            sender="Cloud Partner Billing <billing@cloudpartner.example>",
            date="Monday, 23 November 2026 08:00",
            to="Richard Osei",
            subject="Payment reminder - INV-2026-4870",
        )
        + """
Dear customer,

This is a friendly reminder that invoice INV-2026-4870 for $1,056.00 was due on
20 November 2026 and has not yet been paid. If you have already paid, please disregard
this message. Otherwise, please arrange payment at your earliest convenience.

Cloud Partner Billing
""",
        batch=H11,
    ),
    M(
        "h11-en-disputes-html-trial-converted.eml",
        "disputes",
        "HTML-only: a trial converted to paid without consent; asks for the charge to be reversed",
        ("Jonas Berg", "jonas.berg@fjordsoft.example"),
        "Charge for Teams Premium - we never signed up",
        """Hello,

We got an invoice (INV-2026-5231, EUR 348.00) for 30 Teams Premium licences. Someone on
our team started a free trial in October to test the meeting features. Nobody accepted
any paid subscription and we were never asked to confirm one, the trial simply turned
into a paid subscription.

We have cancelled it in the admin center today. Please reverse the EUR 348.00 and send a
credit note. We don't want these licences and never agreed to pay for them.

Regards,
Jonas Berg
IT Lead, FjordSoft AS
""",
        fmt="html",
        batch=H11,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h11-ja-disputes-keigo-cancelled-service.eml",
        "disputes",
        "keigo: charged for a backup service cancelled in September; asks for a refund",
        ("佐々木 真理", "m.sasaki@hikari-law.example"),
        "10月分ご請求内容についてのご確認",
        """株式会社クラウドパートナー
ご担当者様

平素より大変お世話になっております。
ひかり法律事務所 事務局の佐々木でございます。

10月分のご請求書（INV-2026-4655）を拝見いたしましたところ、
「クラウドバックアップ 1TB プラン」12,800円が計上されておりました。
こちらは9月15日付で解約のお手続きを完了しており、
同日に御社より解約受付完了のメールも頂戴しております。

恐れ入りますが、ご確認のうえ、当該金額につきましては
ご返金、もしくは次回ご請求からの差し引きにてご対応いただけますと幸いです。

お忙しいところ恐縮ではございますが、何卒よろしくお願い申し上げます。
"""
        + sig_ja("ひかり法律事務所", "事務局", "佐々木 真理", "3380"),
        fmt="iso2022",
        batch=H11,
    ),
    M(
        "h11-ja-disputes-angry-double-card.eml",
        "disputes",
        "angry: card charged twice, threatens to go to the card company",
        ("岡田 剛", "okada@okada-kensetsu.example"),
        "二重引き落としされてます",
        """カードの明細を見たら、11月5日に同じ金額（48,620円）が2回引き落とされています。
どちらも御社からです。

先月も請求書の金額が違っていて電話で直してもらったばかりですよね。
正直もう信用できません。

今週中に1回分を返金してください。対応がなければカード会社に連絡して
支払いを止めてもらいます。

岡田建設 岡田
""",
        fmt="sjis",
        batch=H11,
    ),
    M(
        "h11-ja-disputes-quote-mismatch.eml",
        "disputes",
        "invoiced unit price differs from the agreed quote; asks for reissue at the quoted price",
        ("林 彩", "aya.hayashi@midori-design.example"),
        "見積と請求額が合いません（INV-2026-5012）",
        """クラウドパートナー 営業ご担当 様

お世話になっております。みどりデザイン事務所の林です。

今月届いた請求書 INV-2026-5012 ですが、Adobe Creative Cloud の単価が
1ライセンスあたり 9,680円 になっていました。
9月にいただいたお見積書（見積番号 Q-2026-0877）では 7,780円 で、
その金額で社内稟議も通して発注しています。

15ライセンス分なので 28,500円 の差額になります。
見積書の単価で請求書を作り直していただけますか。
この金額のままですとお支払いできませんので、ご対応よろしくお願いします。

みどりデザイン事務所
林 彩
""",
        fmt="utf8-b64",
        batch=H11,
    ),
    M(
        "h11-ja-disputes-unordered-powerbi.eml",
        "disputes",
        "contests licences that were never ordered and asks for the charge to be cancelled",
        ("小林 翔太", "kobayashi.s@tsubasa-pharma.example"),
        "Power BI Pro 10ライセンス 発注していません",
        """ご担当者様

つばさ製薬 情報システム課の小林です。

11月の請求書に Power BI Pro 10 ライセンス（月額 14,990円 × 10）が追加されていますが、
当社では発注しておりません。社内の購買システムにも記録がなく、
Microsoft 365 admin center で見ても誰にも assign されていない状態です。

誰からどのような依頼があって追加されたのか確認いただき、
当該ライセンスの取り消しと、請求からの削除をお願いします。
11月分をこのまま支払うことはできません。

つばさ製薬株式会社 情報システム課
小林 翔太
内線 4127
""",
        batch=H11,
    ),
    M(
        "h11-ja-disputes-fwd-portal-then-refund-missing.eml",
        "disputes",
        "forward: quoted part is a portal login issue; new text says promised refund is missing",
        ("石井 直子", "n.ishii@kaede-clinic.example"),
        "Re: 管理画面にログインできません",
        """お世話になっております。かえでクリニックの石井です。

ログインの件はその後解決しましたので大丈夫です。ありがとうございました。

別件で申し訳ないのですが、8月に年間プランを途中で月額プランへ変更した際、
「差額の 36,300円 は翌月のご請求で相殺します」とお電話でご案内いただきました。
ところが9月・10月・11月の請求書のどこにも相殺が見当たらず、
満額が請求されています。

お約束いただいた内容と違いますので、差額分を返金していただくか、
訂正した請求書を発行してください。

> 石井様
>
> お問い合わせありがとうございます。
> 管理画面にログインできない件、パスワードリセットの手順をお送りいたします。
> 下記URLより再設定をお試しください。
> 株式会社クラウドパートナー サポート 山田
""",
        fmt="utf8-qp",
        batch=H11,
    ),
    # --------------------------------------------------------------- collections (en)
    M(
        "h11-en-collections-promise-to-pay.eml",
        "collections",
        "delinquent customer apologises for a missed payment and promises a date",
        ("Hannah Moss", "hannah.moss@mossandbyrne.example"),
        "INV-2026-4402 - payment coming",
        """Hi,

Apologies, INV-2026-4402 ($3,918.40) slipped through because our AP clerk left in
October and the invoice sat in her inbox. I've only just found it along with your
reminders.

It's approved now and will go out in our Friday payment run, so you should see it by
Tuesday 1 December at the latest. Could you please make sure nothing gets switched off in
the meantime? We have 35 people on these mailboxes.

Thanks for bearing with us,
Hannah
"""
        + sig_en("Hannah Moss", "Office Manager", "Moss & Byrne Architects"),
        status="delinquent",
        batch=H11,
    ),
    M(
        "h11-en-collections-suspended-paid-restore.eml",
        "collections",
        "suspended for non-payment; has now paid by wire and asks for service to be restored",
        ("Victor Alvarez", "v.alvarez@alvarez-freight.example"),
        "Paid - please turn us back on",
        """Hello,

Our users can't sign in to Outlook since this morning and our admin says the tenant shows
as disabled. I understand this is because of the overdue October and November invoices.

We sent the full balance of USD 7,240.00 by wire at 10:15 this morning, bank reference
AFX-26112401. Remittance advice attached/pasted below. Please restore access as quickly as
you can, our dispatchers are working from phones right now.

Remittance: INV-2026-4190 USD 3,620.00; INV-2026-4733 USD 3,620.00.

Victor Alvarez
Controller, Alvarez Freight
+1 555 0134 882
""",
        status="suspended",
        batch=H11,
    ),
    M(
        "h11-en-collections-autodebit-failed.eml",
        "collections",
        "direct debit bounced; customer asks how to pay the outstanding amount now",
        ("Greg Thornton", "greg@thornton-bakery.example"),
        "your email about failed payment",
        """hi, got your email saying the direct debit for november failed. our bank changed
the account numbers after a merger and I forgot to tell anyone, sorry. what's the quickest
way to pay the £684.00 thats outstanding now? can I do it by card over the phone? and then
I'll fill in a new mandate for the new account

greg
Thornton's Bakery
""",
        fmt="utf8-qp",
        batch=H11,
    ),
    M(
        "h11-en-collections-payment-plan.eml",
        "collections",
        "long and rambling: small business in arrears asks to spread the overdue balance",
        ("Lisa Marchetti", "lisa@marchetti-events.example"),
        "Overdue balance - can we work something out?",
        """Hi there,

I'll be honest with you because I'd rather sort this out than ignore it. We're an events
company and this autumn has been brutal: two of our biggest clients cancelled their
conferences and one of them still hasn't paid us for the deposit work we already did. So
our cash is very tight right now.

I know we owe you for August, September and October, which I think comes to about $8,400
all together (your last statement said $8,412.75). I don't want to lose the email and
the shared drives because that would basically finish us, everything is in there.

Would you be willing to let us pay this off over three months? I can do $2,804.25 on the
15th of December, January and February, on top of keeping the current month paid. If you
need something in writing or a different split, just tell me what works. I'm also happy to
drop the Visio and Project licences if that helps lower the monthly amount going forward.

Thank you for reading this far, really.

Lisa Marchetti
Owner, Marchetti Events
""",
        batch=H11,
    ),
    M(
        "h11-en-collections-fwd-final-notice-cfo.eml",
        "collections",
        "forward: quoted part is an old upgrade question; the new text answers a final notice",
        ("Ian McAllister", "ian.mcallister@kestrel-eng.example"),
        "FW: Business Premium upgrade",
        """Hello,

Replying on this old thread because it's the only one I have with your team.

We received a "final notice before suspension" letter today for account KES-00871. I
wasn't aware anything was outstanding; it turns out two invoices were sent to a mailbox
of someone who left. Please send me the list of unpaid invoices with amounts and your bank
details, and I will authorise payment today. Please hold any suspension while we do this.

Ian
"""
        + sig_en("Ian McAllister", "Chief Financial Officer", "Kestrel Engineering Ltd")
        + FWD_EN.format(
            sender="Ian McAllister",
            date="Thursday, 4 June 2026 11:47",
            to="Cloud Partner Sales",
            subject="Business Premium upgrade",
        )
        + """
Hi, we're thinking of moving 60 users from Business Standard to Business Premium for
Intune. Could you send a quote, and does the upgrade change our renewal date?
""",
        batch=H11,
    ),
    # --------------------------------------------------------------- collections (ja)
    M(
        "h11-ja-collections-keigo-promise.eml",
        "collections",
        "keigo apology for late payment with a promised transfer date",
        ("渡辺 久美子", "k.watanabe@fujimi-shoji.example"),
        "お支払い遅延のお詫び",
        """株式会社クラウドパートナー
経理ご担当者様

いつもお世話になっております。
富士見商事株式会社 経理課の渡辺でございます。

この度は、10月末お支払い期限の請求書（INV-2026-4388、金額 264,000円）につきまして、
弊社の処理漏れによりお支払いが遅れておりますこと、誠に申し訳ございません。
督促のご連絡をいただき、初めて気付いた次第でございます。

11月30日（月）に全額をお振込みさせていただく予定でございます。
それまでの間、サービスのご利用停止はご容赦いただけますと大変ありがたく存じます。

今後はこのようなことがないよう、社内の確認体制を見直してまいります。
何卒よろしくお願い申し上げます。
"""
        + sig_ja("富士見商事株式会社", "経理課", "渡辺 久美子", "6602"),
        fmt="iso2022",
        status="delinquent",
        batch=H11,
    ),
    M(
        "h11-ja-collections-suspended-paid.eml",
        "collections",
        "suspended account: says the arrears were paid today and asks to lift the stop",
        ("前田 浩", "maeda@maeda-seimitsu.example"),
        "利用停止の解除をお願いします",
        """お世話になっております。前田精密の前田です。

今朝から社員全員がメールを使えなくなっており、確認したところ
未払いのため利用停止になっているとのことでした。大変申し訳ありません。

本日 11時に、未払い分 2か月分（計 183,700円）を
三菱UFJ銀行から御社指定口座へ振り込みました。
振込名義は「マエダセイミツ（カ」です。

振込控えはこのメールに貼り付けました。
至急、停止の解除をお願いできますでしょうか。

前田精密株式会社
前田 浩
""",
        fmt="sjis",
        status="suspended",
        batch=H11,
    ),
    M(
        "h11-ja-collections-installments.eml",
        "collections",
        "after a dunning letter, the accountant asks to pay the arrears in instalments",
        ("木村 恵", "m.kimura@yamabiko-foods.example"),
        "督促状の件でご相談（分割でのお支払い）",
        """クラウドパートナー ご担当者様

やまびこ食品の木村と申します。経理を担当しております。

本日、御社より督促状が届きました。
社内で確認したところ、7月から10月までの4か月分（合計 412,000円）が
未払いになっていることが分かりました。前任者からの引継ぎが不十分で、
大変ご迷惑をおかけしております。

誠に勝手なお願いではございますが、一括でのお支払いが難しい状況のため、
12月から4回に分けてお支払いさせていただくことは可能でしょうか。
毎月の利用料は別途期日どおりにお支払いいたします。

ご検討のほど、よろしくお願いいたします。

株式会社やまびこ食品 経理部
木村 恵
""",
        batch=H11,
    ),
    M(
        "h11-ja-collections-debit-insufficient.eml",
        "collections",
        "bank debit failed for insufficient funds; asks whether to transfer or wait for a retry",
        ("清水 拓也", "shimizu@seaside-hotel.example"),
        "口座振替不能のお知らせについて",
        """ご担当者様

シーサイドホテル清水の清水です。

「口座振替不能のお知らせ」のハガキが届きました。
11月27日の引き落とし（58,300円）が残高不足でできなかったとのことです。
ちょうど大口の支払いと重なってしまい、失礼しました。口座には今日入金済みです。

このまま来月に2か月分まとめて引き落としされるのでしょうか。
それとも今月分は振込でお支払いしたほうがよいですか。
振込の場合は口座番号を教えてください。

よろしくお願いします。
清水 拓也
""",
        fmt="utf8-qp",
        batch=H11,
    ),
    M(
        "h11-ja-collections-html-terse-pay-tomorrow.eml",
        "collections",
        "HTML-only, terse: will pay the overdue amount tomorrow, please don't stop the service",
        ("藤田", "fujita@fujita-koumuten.example"),
        "未払いの件",
        """お電話いただいた未払いの件、明日の午前中に振り込みます。
現場でメールが使えないと困るので、止めないでください。

藤田工務店 藤田
""",
        fmt="html",
        batch=H11,
    ),
    # --------------------------------------------------------------- escalations (en)
    M(
        "h11-en-escalations-incident-usage-export.eml",
        "escalations",
        "provider incident broke the usage export the customer's internal recharging depends on",
        ("Fiona Gallagher", "fiona.gallagher@univ-westmoor.example"),
        "Usage data missing since the 18 Nov Azure incident",
        """Hi team,

Since the Azure incident on 18 November (the one on the status page affecting Cost
Management in North Europe), our daily usage export has been arriving empty: zero rows
for every subscription, even though the VMs are obviously running.

We recharge 14 faculties monthly from this data and month-end is next week. This isn't
something you can fix on your side as far as I can tell, the data isn't being produced
upstream. Can you get Microsoft to look at it and tell us when the missing days will be
backfilled? Happy to provide subscription IDs and timestamps.

Fiona Gallagher
Cloud Platform Team, University of Westmoor
""",
        batch=H11,
    ),
    M(
        "h11-en-escalations-metering-bug.eml",
        "escalations",
        "engineer shows the provider metered S3 requests 40x above their own logs; wants the vendor to investigate",
        ("Raj Malhotra", "raj@pixelforge.example"),
        "S3 request metering looks broken on provider side",
        """Hi,

Our AWS bill through you for November is going to be way off and I'm fairly sure the
problem is on AWS's side, not ours.

Cost Explorer shows 1.9 billion GET requests on bucket pf-assets-prod on 16 Nov. Our
CloudFront logs and S3 server access logs for that day add up to 46 million. Every other
day this month the two numbers match within 2%. No deploys, no config changes, no traffic
spike on our CDN.

I need someone who can open a case with AWS on our behalf (we're on your reseller
support plan, so we can't open billing cases directly). I can send the access log
extracts and the Cost Explorer CSV. I'm not asking you to waive anything yet, I just need
AWS to confirm whether their metering was wrong.

Raj Malhotra
Lead SRE, PixelForge
""",
        fmt="utf8-b64",
        batch=H11,
    ),
    M(
        "h11-en-escalations-provisioning-third-time.eml",
        "escalations",
        "never says escalate: licences stuck pending at the vendor for weeks; wants someone at Microsoft",
        ("Claire Dubois", "claire.dubois@atelier-lumiere.example"),
        "3rd email - licences still pending",
        """Hello again,

This is my third email about this (previous ones 6 and 13 November, no ticket number
ever came back).

We ordered 15 Microsoft 365 E3 licences on 3 November. In the admin center they still
show as "Pending" and can't be assigned, so 15 new staff are working without mailboxes.
Your support told us twice it's a "sync delay" and to wait. It's been three weeks. We
need somebody at Microsoft with access to the commerce backend to look at this order,
not another "please wait 72 hours".

Claire Dubois
Office & IT Manager, Atelier Lumière
""",
        status="delinquent",
        batch=H11,
    ),
    M(
        "h11-en-escalations-explicit-management.eml",
        "escalations",
        "explicitly asks to escalate to management and the vendor after repeated failed fixes",
        ("Martin Keller", "m.keller@keller-medtech.example"),
        "Request to escalate - case 2026-11-0447",
        """Dear Sir or Madam,

I am writing to formally request that case 2026-11-0447 be escalated to your service
management and to Microsoft.

For the past five weeks our Azure Cost Management budgets and the invoices you send us
disagree by 8-12% every week. Your team has reprocessed the data three times and each
time the figures change again. We cannot close our books or report to our parent company
with numbers that move after the fact.

I would like a call this week with someone who has authority to engage Microsoft's
billing engineering, and a written summary of the root cause once known.
"""
        + sig_en("Martin Keller", "Head of Finance", "Keller MedTech GmbH"),
        fmt="utf8-qp",
        batch=H11,
    ),
    M(
        "h11-en-escalations-html-fwd-nce-migration.eml",
        "escalations",
        "HTML-only forward: quoted part asks for an invoice copy; new text is a vendor-side NCE migration fault",
        ("Ben Adeyemi", "ben.adeyemi@northgate-schools.example"),
        "FW: Invoice copy for September",
        """Hi,

Ignore my note below about the September invoice, our finance team found it.

The real problem: since you migrated our subscription to the new commerce experience on
16 November, the 120 A3 licences we are billed for don't show up in our tenant at all.
Partner Center (per your screenshot last week) says they're active, our tenant says we
have zero. Teachers can't get Office apps and we're paying for it. This needs to go to
Microsoft, please open a ticket with them and send me the reference.

Ben Adeyemi
IT Services Manager, Northgate Schools Trust

-----Original Message-----
From: Ben Adeyemi
Sent: 02 November 2026 09:12
Subject: Invoice copy for September

Hello, could you re-send the September invoice? Our finance team can't find it.
""",
        fmt="html",
        batch=H11,
    ),
    # --------------------------------------------------------------- escalations (ja)
    M(
        "h11-ja-escalations-sla-credit.eml",
        "escalations",
        "region outage hit production; asks for an SLA credit claim to be filed with Microsoft",
        ("山口 健太", "k.yamaguchi@hinode-securities.example"),
        "11/20 Azure 東日本リージョン障害に伴う SLA クレジット申請のお願い",
        """株式会社クラウドパートナー ご担当者様

いつもお世話になっております。日の出証券 システム部の山口です。

11月20日 14:05〜17:40 に発生した Azure 東日本リージョンの障害により、
弊社の顧客向け取引照会システム（VM 12台構成）が約3時間半停止いたしました。
Azure Status History にも同時間帯の障害情報が掲載されております。

つきましては、Microsoft 社に対する SLA クレジットの申請を
御社経由で行っていただきたく、ご連絡いたしました。
対象のサブスクリプションID、リソース一覧、停止時間の記録は別途お送りできます。
申請期限もあるかと存じますので、お早めにご対応いただけますと幸いです。

よろしくお願いいたします。
"""
        + sig_ja("日の出証券株式会社", "システム部", "山口 健太", "8813"),
        batch=H11,
    ),
    M(
        "h11-ja-escalations-metering-unused-region.eml",
        "escalations",
        "usage charges appear for a region the customer never uses; suspects the vendor's metering",
        ("斉藤 優", "y.saito@koyo-system.example"),
        "未使用リージョンの従量課金について調査依頼",
        """ご担当者様

光陽システムの斉藤です。

10月分の Azure 利用明細に、弊社では一度もリソースを作成したことのない
Brazil South リージョンの Storage 転送料（約 86,000円）が計上されています。

Activity Log、リソースグラフ、Azure Policy の記録をすべて確認しましたが、
該当リージョンにはリソースが存在した形跡がありません。
社内で原因が見当たらないため、Microsoft 側のメータリングの不具合ではないかと考えています。

お手数ですが、Microsoft に調査を依頼していただき、結果をご共有いただけますか。
必要なログは提供いたします。

光陽システム株式会社 インフラ基盤課
斉藤 優
""",
        fmt="sjis",
        batch=H11,
    ),
    M(
        "h11-ja-escalations-keigo-speak-to-maker.eml",
        "escalations",
        "keigo: first-line answers failed; asks to talk directly to the vendor's representative",
        ("長谷川 修", "o.hasegawa@shinwa-kogyo.example"),
        "ライセンス移行の件につきまして",
        """株式会社クラウドパートナー
サポートご担当者様

平素より格別のご高配を賜り、厚く御礼申し上げます。
親和工業株式会社 情報管理室の長谷川でございます。

先月よりご相談しております、旧テナントから新テナントへのライセンス移行の件でございますが、
これまで3度ご案内いただいた手順ではいずれも移行が完了せず、
旧テナント側で請求が継続している状態でございます。

御社窓口の皆様には丁寧にご対応いただいており大変恐縮ではございますが、
本件はメーカー側での対応が必要な事象と拝察いたします。
つきましては、マイクロソフト社のご担当者様と直接お話しできる場を
設けていただくことは可能でしょうか。
あわせて、御社の責任者の方にもご同席いただけますと幸いです。

ご多用のところ恐れ入りますが、何卒よろしくお願い申し上げます。
"""
        + sig_ja("親和工業株式会社", "情報管理室", "長谷川 修", "5190"),
        fmt="iso2022",
        batch=H11,
    ),
    M(
        "h11-ja-escalations-license-not-reflected.eml",
        "escalations",
        "provisioning fault: purchased licences never reached the tenant but billing has started",
        ("福田 亮", "fukuda@marumi-logi.example"),
        "購入したライセンスがテナントに反映されない",
        """お世話になっております。まるみ物流の福田です。

11/10 に追加購入した Microsoft 365 Business Premium 25ライセンスが、
2週間経った今もテナントに反映されません。
admin center の「ライセンス」画面では合計数が増えておらず、新入社員に assign できない状態です。

一方で、11月分の請求にはすでに25ライセンス分が載っています。
こちらで何度サインアウト／再ログインしても変わらず、
御社の方でも「Microsoft 側の処理待ち」とのことでした。

Microsoft 側に確認していただき、いつ反映されるのか教えてください。
来週月曜に新入社員が10名入社するので、それまでに何とかしたいです。

まるみ物流株式会社 総務部 IT担当
福田 亮
""",
        fmt="utf8-b64",
        batch=H11,
    ),
    M(
        "h11-ja-escalations-fwd-collections-quote-portal-down.eml",
        "escalations",
        "forward: quoted part is a payment-due notice; new text reports a vendor-wide billing data outage",
        ("吉田 恵美", "e.yoshida@asahi-kaikei.example"),
        "Fw: 【ご請求】お支払い期限のご案内",
        """お世話になっております。朝日会計の吉田です。

下記のお支払いの件は、本日振込を済ませております（念のため）。

本題ですが、昨日の夕方から Partner Center 経由の請求データ（billing reconciliation file）が
ダウンロードできず、弊社顧問先 40 社分の月次処理が止まっています。
エラーは「Service unavailable. Please try again later.」で、
他の販売店経由で契約しているお客様でも同じ症状が出ているようです。

Microsoft 側の障害だと思いますので、ベンダーに状況を確認していただき、
復旧見込みを教えていただけますか。月次締めが迫っており困っています。

朝日会計事務所
吉田 恵美

-----Original Message-----
From: 株式会社クラウドパートナー 請求担当
Sent: Monday, November 16, 2026 9:00 AM
Subject: 【ご請求】お支払い期限のご案内

朝日会計事務所 御中
11月分のご請求金額は 96,800円 です。お支払い期限は 11月30日 です。
期日までにお振込みいただきますようお願いいたします。
""",
        batch=H11,
    ),
]
