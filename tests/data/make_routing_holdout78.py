"""Held-out batches 7 and 8 of the routing corpus (see make_routing_holdout.py), written
with the rules frozen, aimed at unseen wording of escalations and disputes, with billing
and collections mail that looks like them (precision: billing is the default).

- "holdout-7": written before the escalation/dispute phrase families were broadened;
  measured once untouched (see the figures in tests/test_rules.py), never tuned on.
- "holdout-8": written after that broadening; never looked at while tuning.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja

H7 = "holdout-7"


HOLDOUT_7: list[M] = [
    # ------------------------------------------------------------------ escalations (en)
    M(
        "h7-en-escalations-licences-not-showing.eml",
        "escalations",
        "bought 20 E3 licences three days ago, they never appeared in the admin center",
        ("Marcus Webb", "m.webb@northgateclinic.example"),
        "E3 licences still not showing",
        """Hi team,

We purchased 20 Microsoft 365 E3 licences through you on Monday and they still haven't
appeared in our admin center. The order shows as complete on your side but the licence
count in the tenant hasn't changed, so the new staff can't be assigned anything.

Can you chase this with Microsoft please? We have people starting tomorrow.

Marcus
"""
        + sig_en("Marcus Webb", "IT Coordinator", "Northgate Clinic"),
        batch=H7,
    ),
    M(
        "h7-en-escalations-vendor-case.eml",
        "escalations",
        "asks the partner to open a case with Microsoft about mailbox migration failures",
        ("Priya Nair", "priya@lumenarchitects.example"),
        "Need a case opened with Microsoft",
        """Hello,

Our mailbox migration batch keeps failing at 95% with a "TransientException" and the
Exchange admin center gives us nothing more useful. As our CSP you're able to raise
this with Microsoft on our behalf - could you open a support case with them and let us
know the case number?

Thanks,
Priya Nair
Lumen Architects
""",
        batch=H7,
    ),
    M(
        "h7-en-escalations-global-admin-lockout.eml",
        "escalations",
        "the only global admin is locked out; needs the vendor to restore access",
        ("Tom Ridley", "tom.ridley@ridleyjoinery.example"),
        "Locked out of our tenant - urgent",
        """Hi,

Our only global administrator account has been locked out after an MFA reset went
wrong and nobody else has admin rights. We can't get into the Microsoft 365 admin
portal at all. I understand only Microsoft can verify ownership and restore access -
please can you get this moving with them as soon as possible?

Tom Ridley
Ridley Joinery Ltd
""",
        batch=H7,
    ),
    M(
        "h7-en-escalations-teams-degraded.eml",
        "escalations",
        "Teams calls dropping for everyone since this morning; asks if there is a known issue",
        ("Aisha Khan", "aisha.khan@brightpathcare.example"),
        "Teams calls dropping all morning",
        """Hello,

Since about 8am every Teams call in our organisation drops after a minute or two. It's
happening on every network and device we've tried, so it doesn't look like our end.
Is there a known service issue? If not, please raise it with Microsoft - our care
coordinators rely on Teams to talk to families.

Aisha Khan
Operations Manager
""",
        batch=H7,
    ),
    M(
        "h7-en-escalations-domain-verify.eml",
        "escalations",
        "custom domain stuck in verification; TXT record correct for days",
        ("Daniel Osei", "daniel@oseilaw.example"),
        "Domain verification stuck",
        """Hi,

We added oseilaw.example as a custom domain a week ago. The TXT record has been in
DNS for six days and resolves correctly from everywhere, but the admin center still says
it can't verify the domain. We've removed and re-added it twice. Could your partner
support look into it or pass it to Microsoft?

Regards,
Daniel Osei
""",
        batch=H7,
    ),
    M(
        "h7-en-escalations-api-500.eml",
        "escalations",
        "the partner-provisioned portal API returns HTTP 500 on every subscription call",
        ("Kenji Park", "kpark@flowmetrics.example"),
        "Subscription API returning 500",
        """Hi support,

Since yesterday every call to the subscriptions endpoint of the customer portal API
returns HTTP 500 Internal Server Error (correlation id 3f2a1c9e-77b1-4d2e-9a0f-12ab34cd56ef).
Nothing changed on our side. Our automated seat provisioning is dead in the water until
this is fixed. Can you get your engineers or the vendor on it?

Kenji Park
Platform Engineering, FlowMetrics
""",
        batch=H7,
    ),
    M(
        "h7-en-escalations-sharepoint-sync.eml",
        "escalations",
        "OneDrive/SharePoint not syncing for all users after tenant change",
        ("Lucy Fernandez", "lucy.f@harbourdental.example"),
        "SharePoint files not syncing for anyone",
        """Hi,

Since the weekend nobody in the practice can sync SharePoint libraries - OneDrive just
sits on "Processing changes" forever. We've reset clients and reinstalled on two PCs with
no luck. This looks like a problem on Microsoft's side, so we'd like you to log it with
them.

Thanks,
Lucy
""",
        batch=H7,
    ),
    M(
        "h7-en-escalations-reply-case-chase.eml",
        "escalations",
        "chases the vendor case: still no update from Microsoft",
        ("Greg Holt", "greg.holt@holtfreight.example"),
        "Any news from Microsoft on our Azure issue?",
        """Hi,

It's been four days since you raised our Azure VM deallocation issue with Microsoft and
we haven't heard anything. Could you chase the case and push them for an update? The
VMs are still failing to start and we're running on a single server.

Greg
""",
        batch=H7,
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "h7-ja-escalations-license-not-reflected.eml",
        "escalations",
        "追加購入したライセンスが管理センターに反映されない",
        ("佐藤 健", "k.sato@minato-sekkei.example"),
        "追加ライセンスが反映されません",
        """株式会社クラウドパートナー ご担当者様

いつもお世話になっております。
先週追加で購入したMicrosoft 365 Business Standardのライセンス5件が、
まだ管理センターに反映されておりません。新入社員に割り当てができず困っております。
マイクロソフト側へのご確認をお願いできますでしょうか。

"""
        + sig_ja("株式会社みなと設計", "総務部", "佐藤 健", "2211"),
        batch=H7,
    ),
    M(
        "h7-ja-escalations-outage.eml",
        "escalations",
        "Exchange Online の障害でメール送受信ができない",
        ("山本 直子", "yamamoto@kansai-foods.example"),
        "【至急】メールが送受信できません",
        """お世話になっております。関西フーズの山本です。

本日9時頃から、社内全員がOutlookでメールの送受信ができない状態です。
Webブラウザ版でも同様で、障害ではないかと思われます。
マイクロソフトに問い合わせていただき、状況と復旧の見込みを教えてください。

よろしくお願いいたします。
""",
        batch=H7,
    ),
    M(
        "h7-ja-escalations-admin-rights.eml",
        "escalations",
        "管理者権限が外れてしまい、テナントの設定変更ができない",
        ("中村 亮", "r.nakamura@aoba-kougyou.example"),
        "管理者権限について",
        """いつもお世話になっております。青葉工業の中村です。

先日から、弊社の管理者アカウントの管理者権限が外れてしまい、
テナントの設定を変更できなくなりました。他に管理者はおりません。
御社からベンダーに確認していただけないでしょうか。

"""
        + sig_ja("青葉工業株式会社", "情報システム課", "中村 亮", "3344"),
        batch=H7,
    ),
    M(
        "h7-ja-escalations-auth-fail.eml",
        "escalations",
        "多要素認証でサインインできない（認証できない）ユーザーが多数",
        ("小林 美穂", "kobayashi@sakura-hoken.example"),
        "サインインできないユーザーが多数います",
        """クラウドパートナー サポートご担当者様

昨日の夕方から、社員の半数ほどが多要素認証の画面で認証できない状態になっています。
認証アプリの再登録を試しましたが改善しません。
こちらでは原因がわからないため、マイクロソフトへのエスカレーションをお願いします。

小林
""",
        batch=H7,
    ),
    M(
        "h7-ja-escalations-portal-error.eml",
        "escalations",
        "Azureポータルでエラーが出てリソースを作成できない不具合",
        ("高橋 翔", "takahashi@nishi-net.example"),
        "Azureポータルの不具合について",
        """お世話になっております。西ネットワークの高橋です。

Azureポータルで仮想マシンを作成しようとすると「デプロイに失敗しました」と
エラーが表示され、どのリージョンでも作成できません。
サブスクリプションの上限には達していないはずです。
ベンダー側で調査いただけますよう、ご手配をお願いいたします。
""",
        batch=H7,
    ),
    M(
        "h7-ja-escalations-domain.eml",
        "escalations",
        "独自ドメインの追加がエラーで完了しない、メーカーに問い合わせてほしい",
        ("伊藤 真由美", "ito@hikari-kikaku.example"),
        "ドメイン追加ができない件",
        """ご担当者様

お世話になっております。ひかり企画の伊藤です。
Microsoft 365に独自ドメインを追加しようとしていますが、DNSレコードを正しく設定しても
「ドメインを確認できませんでした」と表示され、先に進めません。
お手数ですが、メーカーに問い合わせていただけますでしょうか。
""",
        batch=H7,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h7-en-disputes-charged-after-cancel.eml",
        "disputes",
        "cancelled Visio in March, still charged in April and May",
        ("Hannah Cole", "hannah.cole@colepartners.example"),
        "Still being charged for Visio",
        """Hi,

We cancelled our Visio Plan 2 subscriptions in March (your colleague confirmed it by
email on 14 March), yet they are on both the April and May invoices. Please remove
them and credit us for both months.

Hannah Cole
Finance, Cole Partners
""",
        batch=H7,
    ),
    M(
        "h7-en-disputes-quote-mismatch.eml",
        "disputes",
        "invoice price per seat higher than the quote they signed",
        ("Oliver Grant", "ogrant@grantmedical.example"),
        "Invoice doesn't match our quote",
        """Hello,

The quote we signed in January (Q-2024-0113) has Business Premium at $19.80 per user.
Invoice INV-2024-00812 charges us $22.00 per user for the same 60 users. That's not
what we agreed. Please reissue the invoice at the quoted price.

Oliver
""",
        batch=H7,
    ),
    M(
        "h7-en-disputes-never-ordered.eml",
        "disputes",
        "invoice includes Power BI Pro licences nobody ordered",
        ("Sofia Rossi", "s.rossi@rossidesign.example"),
        "Power BI charges - we didn't order these",
        """Hi,

Our latest invoice includes 15 Power BI Pro licences. Nobody here ordered them and we
don't use Power BI. I'd like to know who placed this order, and I expect the charge to
be taken off.

Sofia Rossi
Rossi Design Studio
""",
        batch=H7,
    ),
    M(
        "h7-en-disputes-debited-twice.eml",
        "disputes",
        "direct debit taken twice for the same invoice",
        ("Mark Evans", "mark.evans@evanshvac.example"),
        "Payment taken twice",
        """Hi,

Our bank statement shows two direct debits of £1,284.00 on 2 July, both referencing
invoice INV-2024-00733. We only owe it once. Please refund the second payment.

Mark Evans
Evans HVAC Services
""",
        batch=H7,
    ),
    M(
        "h7-en-disputes-wrong-quantity.eml",
        "disputes",
        "billed for 120 mailboxes, they have 85 licences assigned",
        ("Rachel Kim", "rachel.kim@kimlogistics.example"),
        "Quantity on June invoice",
        """Hello,

The June invoice bills us for 120 Exchange Online Plan 1 licences. We reduced to 85 at
the start of May and our admin center shows 85. The quantity on the invoice is simply
incorrect - please correct it and send a revised invoice.

Thanks,
Rachel
""",
        batch=H7,
    ),
    M(
        "h7-en-disputes-unexpected-charge.eml",
        "disputes",
        "unexpected 'support plan' charge they never agreed to; refuses to pay that line",
        ("Ben Carter", "ben@carterbrewing.example"),
        "Unexpected charge on invoice",
        """Hi there,

There's a new line on this month's invoice for a "Premium Support Plan" at $450. We
never signed up for any support plan and nobody told us about it. We'll pay the rest
of the invoice but not that line until it's explained and removed.

Ben Carter
Carter Brewing Co.
""",
        batch=H7,
    ),
    M(
        "h7-en-disputes-annual-not-monthly.eml",
        "disputes",
        "charged a full annual term when they signed for monthly",
        ("Grace Liu", "grace.liu@liuaccounting.example"),
        "We signed up for monthly billing",
        """Hi,

We were charged for a full 12 months of Defender for Business up front, but we signed up
for monthly billing - it's in the order form. We did not agree to an annual commitment.
Please reverse the annual charge and bill us monthly as agreed.

Grace
""",
        batch=H7,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h7-ja-disputes-unknown.eml",
        "disputes",
        "身に覚えのない請求（Teams Premium）",
        ("木村 大輔", "kimura@daiichi-unyu.example"),
        "身に覚えのない請求について",
        """お世話になっております。第一運輸の木村です。

今月の請求書に「Teams Premium」10ライセンス分が含まれていますが、
弊社では申し込んだ覚えがありません。身に覚えのない請求のため、
内容をご確認のうえ、請求から外していただきますようお願いいたします。
""",
        batch=H7,
    ),
    M(
        "h7-ja-disputes-cancelled.eml",
        "disputes",
        "解約したのに翌月も請求されている",
        ("林 加奈子", "hayashi@midori-clinic.example"),
        "解約後の請求について",
        """ご担当者様

4月末で解約したMicrosoft 365 Apps for businessが、5月分も請求されています。
解約の手続きは4月20日に完了したとのご連絡をいただいております。
5月分の請求の取り消しをお願いいたします。

みどりクリニック 事務長 林
""",
        batch=H7,
    ),
    M(
        "h7-ja-disputes-quantity.eml",
        "disputes",
        "請求書の数量が契約と違う",
        ("松本 拓也", "matsumoto@yamato-seiko.example"),
        "請求数量の相違",
        """お世話になっております。大和精工の松本です。

6月分の請求書でExchange Onlineの数量が80となっておりますが、
契約上は50ライセンスです。数量が違いますので、ご確認のうえ
正しい請求書を再発行してください。

"""
        + sig_ja("大和精工株式会社", "経理部", "松本 拓也", "5566"),
        batch=H7,
    ),
    M(
        "h7-ja-disputes-double-debit.eml",
        "disputes",
        "同じ月の利用料が二重に引き落とされた",
        ("井上 優子", "inoue@kaze-design.example"),
        "二重引き落としの件",
        """お世話になっております。風デザインの井上です。

7月27日に、6月分の利用料 48,400円 が口座から二重に引き落とされていました。
通帳を確認したところ同額が2回出金されています。
1回分の返金をお願いできますでしょうか。
""",
        batch=H7,
    ),
    M(
        "h7-ja-disputes-contract-price.eml",
        "disputes",
        "契約と違う単価で請求されている",
        ("清水 浩", "shimizu@hokuto-shoji.example"),
        "単価が契約と異なります",
        """クラウドパートナー 御中

いつもお世話になっております。北斗商事の清水です。
今回の請求書ではMicrosoft 365 E3の単価が4,500円になっておりますが、
昨年締結した契約書では3,960円となっております。契約と違う金額での請求には
応じかねますので、差額分の訂正をお願いします。
""",
        batch=H7,
    ),
    M(
        "h7-ja-disputes-not-using.eml",
        "disputes",
        "退会したユーザー分も請求されており、減額を求める",
        ("森 健太", "mori@sakai-kensetsu.example"),
        "利用していないライセンスの請求",
        """お世話になります。堺建設の森です。

3月に削減を依頼した15ライセンス分が、その後も毎月請求されています。
削減依頼のメールも残っておりますので、4月以降の過請求分を精算してください。
""",
        batch=H7,
    ),
    # ------------------------------------------------------------------ billing (traps)
    M(
        "h7-en-billing-how-open-case.eml",
        "billing",
        "asks whether the support plan includes opening Microsoft cases; a pricing question",
        ("Nina Patel", "nina@patelopticians.example"),
        "Does your support include Microsoft cases?",
        """Hi,

Before we renew, could you tell me whether your standard support plan includes raising
cases with Microsoft for us, or whether that's an extra charge? If it's extra, what does
it cost per year?

Thanks,
Nina
""",
        batch=H7,
    ),
    M(
        "h7-en-billing-quote-request.eml",
        "billing",
        "asks for a quote for 30 more licences; mentions the old quote",
        ("Sam Turner", "sam.turner@turnerjoinery.example"),
        "Quote for extra licences",
        """Hello,

Could you send me a quote for 30 more Business Basic licences? The quote you sent last
year was valid for 30 days so I assume the price has changed since then.

Sam
""",
        batch=H7,
    ),
    M(
        "h7-en-billing-invoice-breakdown.eml",
        "billing",
        "asks for a per-department breakdown of the invoice; nothing contested",
        ("Laura Bennett", "lbennett@bennettgroup.example"),
        "Breakdown of licences on invoice",
        """Hi,

The total on the August invoice looks right, but our finance team would like a
breakdown of the licences by department so they can recharge them internally. Is that
something you can provide?

Laura
""",
        batch=H7,
    ),
    M(
        "h7-en-billing-refund-timing.eml",
        "billing",
        "asks when the agreed refund will arrive",
        ("Chris Doyle", "chris.doyle@doylemarine.example"),
        "Timing of refund",
        """Hi,

Your colleague confirmed last week that the credit for the removed seats has been
approved. Roughly how long does the refund take to reach our account?

Thanks,
Chris
""",
        batch=H7,
    ),
    M(
        "h7-ja-billing-license-price.eml",
        "billing",
        "ライセンス追加時の料金と反映タイミングの質問",
        ("藤田 彩", "fujita@aozora-hoiku.example"),
        "ライセンス追加の料金について",
        """お世話になっております。あおぞら保育の藤田です。

来月からスタッフが3名増えるため、ライセンスを追加したいと考えております。
追加した場合、料金は日割りで請求されますでしょうか。
また、購入後どのくらいで利用できるようになるか教えてください。
""",
        batch=H7,
    ),
    M(
        "h7-ja-billing-invoice-format.eml",
        "billing",
        "請求書をPDFで送ってほしい",
        ("岡田 誠", "okada@tokai-butsuryu.example"),
        "請求書の送付方法について",
        """ご担当者様

お世話になっております。東海物流の岡田です。
今後、請求書は郵送ではなくPDFでメール送付していただくことは可能でしょうか。
経理部の共有アドレス keiri@tokai-butsuryu.example 宛にお願いできれば幸いです。
""",
        batch=H7,
    ),
    M(
        "h7-ja-billing-contract-renewal.eml",
        "billing",
        "契約更新時の金額の確認（値上げの有無）",
        ("石井 由紀", "ishii@minami-dental.example"),
        "契約更新について",
        """お世話になっております。南デンタルの石井です。

来月で年間契約が更新となりますが、更新後の金額に変更はありますでしょうか。
マイクロソフトの価格改定があったと聞きましたので、念のため確認させてください。
""",
        batch=H7,
    ),
    # ------------------------------------------------------------------ collections
    M(
        "h7-en-collections-overdue-cashflow.eml",
        "collections",
        "knows the invoice is overdue, asks for two more weeks",
        ("Peter Shaw", "peter@shawbuilders.example"),
        "Overdue invoice - need a little more time",
        """Hi,

I know invoice INV-2024-00691 is now overdue - apologies. A large client of ours has
paid late and our cash flow is tight this month. Could we have until the 20th to pay it
in full? Please don't suspend our email in the meantime.

Peter Shaw
Shaw Builders
""",
        batch=H7,
    ),
    M(
        "h7-en-collections-access-blocked-unpaid.eml",
        "collections",
        "services blocked after unpaid invoices; paid now, asks to restore",
        ("Emma Price", "emma@pricevets.example"),
        "Services blocked - payment now made",
        """Hello,

Our Microsoft 365 access was blocked this morning because of the unpaid March and April
invoices. I've just paid both by bank transfer (remittance attached). Please restore
our access as quickly as you can - the practice can't see its appointments.

Emma Price
""",
        attach=(("remittance.pdf", "application/pdf"),),
        batch=H7,
    ),
    M(
        "h7-en-collections-dd-failed.eml",
        "collections",
        "direct debit failed, asks how to pay the missed amount",
        ("Joe Marsh", "joe.marsh@marshprint.example"),
        "Failed direct debit",
        """Hi,

We got a notice that this month's direct debit failed - our bank changed the account
number. What's the quickest way to pay the missed payment so we don't fall behind?

Joe
""",
        batch=H7,
    ),
    M(
        "h7-ja-collections-mibarai.eml",
        "collections",
        "未払いの請求について支払予定日を連絡",
        ("原田 聡", "harada@sanyo-kikai.example"),
        "未払い分のお支払いについて",
        """お世話になっております。山陽機械の原田です。

5月分と6月分が未払いとなっている旨のご連絡をいただきました。
大変申し訳ございません。今月25日に2か月分をまとめてお振込みいたします。
""",
        batch=H7,
    ),
    M(
        "h7-ja-collections-tokusoku.eml",
        "collections",
        "督促メールが届いた、支払い済みか確認したい",
        ("前田 恵", "maeda@kita-shika.example"),
        "督促のメールについて",
        """ご担当者様

本日、お支払い期限を過ぎているとの督促メールが届きました。
経理に確認したところ、まだ振込が完了していなかったようです。
本日中に振り込みますので、利用停止にはしないでいただけますでしょうか。
""",
        batch=H7,
    ),
    M(
        "h7-ja-collections-stopped.eml",
        "collections",
        "支払遅延で利用停止になった、再開手続きを知りたい",
        ("村上 亮介", "murakami@umi-suisan.example"),
        "利用停止の解除について",
        """お世話になっております。海水産の村上です。

支払いが遅れていたため、本日からサービスが利用停止となってしまいました。
未払い分は本日振り込みました。利用再開までの手続きと目安の時間を教えてください。
""",
        batch=H7,
    ),
    M(
        "h7-en-collections-delinquent-question.eml",
        "collections",
        "delinquent customer asks for the total they owe",
        ("Rita Gomez", "rita@gomezcatering.example"),
        "How much do we owe?",
        """Hi,

Could you tell me the total we owe at the moment, including anything from last quarter?
I'd like to clear it all in one payment this week.

Rita
""",
        status="delinquent",
        batch=H7,
    ),
]

HOLDOUT_78: list[M] = [*HOLDOUT_7]
