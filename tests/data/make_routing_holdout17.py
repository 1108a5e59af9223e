"""Held-out batch 17 of the routing corpus (see make_routing_holdout.py), written BLIND on
2026-11-25: config/rules.toml, ticketing/rules.py, the rules tests and every earlier
routing mail stayed closed while writing, and the router was never run on these mails.
Each label is the queue a competent billing-support lead would pick from the NEW text of
the mail (quoted history is background). Emphasis on English disputes and escalations:
everyday complaints about a charge from people who never use the word for it, phrased
politely, angrily, tentatively or in non-native English, in replies and in forwards; and
urgent vendor-side problems the partner cannot solve alone, some of which also mention
money. Billing and collections carry near misses of both. Twelve disputes and twelve
escalations (eight English, four Japanese each), eight billing and eight collections
(half English, half Japanese), in UTF-8 8bit/QP/base64, ISO-2022-JP, Shift_JIS,
multipart/alternative and HTML-only.

- "holdout-17": measured ONCE untouched, after which it is tuned on like the dev set.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja

H17 = "holdout-17"

FWD_EN = """
---------- Forwarded message ---------
From: {sender}
Date: {date}
Subject: {subject}
To: {to}
"""

REPLY_EN = "\nOn {date}, {sender} wrote:\n"

FWD_JA = """
-------- 転送メッセージ --------
差出人: {sender}
日付: {date}
件名: {subject}
"""


def quoted(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.strip("\n").split("\n"))


HOLDOUT_17: list[M] = [
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h17-en-disputes-invoice-above-quote.eml",
        "disputes",
        "polite: invoice is 18% above the signed quote and they want the difference corrected",
        ("Harriet Oduya", "h.oduya@lindqvist-dental.example"),
        "Invoice INV-2026-10-4471 vs. our quote Q-8812",
        """Hello,

I hope you are well. We have just received invoice INV-2026-10-4471 for our annual
renewal and the per-user price on it is $14.20. The quote your colleague Mark sent us
in September (Q-8812, attached to our purchase order PO-5530) says $12.00 per user for
the same 45 users and the same term, and it was on the basis of that quote that our
partners approved the renewal.

That is a difference of $99.00 per month, or $1,188.00 over the year. Could you please
have the invoice brought in line with the quote, or let me know who I should take this
up with? We would rather not pay an amount we never agreed to, but we also don't want
the renewal to lapse, so I'd be grateful for a quick answer.

Many thanks,
"""
        + sig_en("Harriet Oduya", "Practice Manager", "Lindqvist Dental Group"),
        fmt="utf8-8bit",
        batch=H17,
    ),
    M(
        "h17-en-disputes-seats-removed-still-billed.eml",
        "disputes",
        "angry: billed again for 15 seats they removed in August; wants the money back",
        ("Dale Whitcombe", "dale@whitcombe-logistics.example"),
        "AGAIN?? 15 users we got rid of in August",
        """<html><body>
<p>This is the third month in a row.</p>
<p>We removed 15 licences in the portal on <b>12 August</b> when we closed the Leeds
depot. I have the screenshot, I have your confirmation email, I have everything.
And yet the November invoice (INV-88213) still has 60 seats on it instead of 45,
exactly like September and October.</p>
<p>I'm not paying for people who don't work here anymore. Take the 15 seats off, and
refund what you've taken for them since September &mdash; by my maths that's
&pound;1,237.50 across the three invoices. I don't want another &quot;we'll look into
it&quot;, I want the money back on the card.</p>
<p>Dale Whitcombe<br>Operations Director<br>Whitcombe Logistics Ltd</p>
<p style="font-size:8pt;color:#888">Sent from Outlook for iOS</p>
</body></html>
""",
        fmt="html",
        batch=H17,
    ),
    M(
        "h17-en-disputes-plan-changed-without-consent.eml",
        "disputes",
        "non-native writer: plan moved to Premium without anyone approving it; wants the old price",
        ("Rafael Ibarra Montes", "rafael.ibarra@tecnoagro-mx.example"),
        "plan change we never ask",
        """Good morning,

Please I need your help with the invoice from this month. Our plan was change from
Business Standard to Business Premium on 3 of October but nobody in our company ask
for this change. I check with my manager and with the IT, nobody make this order.

Now the invoice is 2,340 USD and before was always 1,560 USD. We did not agree with
this new price and we not want to pay the difference. Please can you return us to the
Standard plan and make the invoice again with the old amount, and tell us who made
the change because for us it is very strange.

Thank you very much for your attention,

Rafael Ibarra Montes
Administración y Finanzas
TecnoAgro del Bajío S.A. de C.V.
""",
        fmt="utf8-qp",
        batch=H17,
    ),
    M(
        "h17-en-disputes-promised-credit-missing.eml",
        "disputes",
        "reply: the service credit the account manager promised in writing is not on the invoice",
        ("Priya Raghunathan", "priya.r@northgate-archi.example"),
        "Re: Service credit for the September incident",
        """Hi Tom,

Following up on the below. The November invoice arrived today (INV-40918) and the
$850 credit you confirmed isn't on it anywhere. The full amount is there, same as any
other month.

I'd rather not pay the full figure and chase a refund afterwards, so could you get
the invoice reissued with the credit applied before it falls due on the 10th? If
there's a reason it was left off, I'd like to hear it.

Thanks,
Priya
"""
        + REPLY_EN.format(
            date="Tue, 6 Oct 2026 at 16:02",
            sender="Tom Asquith <tom.asquith@cloudpartner.example>",
        )
        + quoted(
            """Hi Priya,

Apologies again for the disruption on 22 September. I've agreed a one-off service
credit of $850 with our finance team, which will appear on your next invoice.

Best,
Tom Asquith
Account Manager, CloudPartner"""
        )
        + "\n",
        fmt="alt",
        batch=H17,
    ),
    M(
        "h17-en-disputes-renewal-cancelled-in-time.eml",
        "disputes",
        "tentative: they gave notice of non-renewal in September but were renewed and charged anyway",
        ("Colin Fairweather", "colin@fairweather-books.example"),
        "Renewal charge - possibly a mix-up?",
        """Hello,

I may well be missing something here, so apologies in advance if so.

Back on 14 September I emailed your team (and got an automatic reply with reference
CP-219044) to say that we would not be renewing our Project Plan subscription when it
ended on 31 October, as we've moved our planning over to another tool. The terms say
30 days' notice, so I believe we were in time.

This morning I noticed a payment of £1,044.00 taken from our card for a new annual
term starting 1 November. I don't think that should have happened, and I'd be very
grateful if it could be reversed. I'm happy to forward the original email if that
helps.

With thanks,
Colin Fairweather
Fairweather Books (Hebden Bridge)
""",
        fmt="utf8-b64",
        batch=H17,
    ),
    M(
        "h17-en-disputes-same-month-on-two-invoices.eml",
        "disputes",
        "finance lead forwards an AP clerk's finding: October billed on two different invoices, wants one voided",
        ("Sandra Kowalczyk", "s.kowalczyk@brightwater-hotels.example"),
        "Fwd: October appears on two invoices",
        """Hi billing team,

See below from Jun in our AP team. He's right, I've checked both PDFs: the same
October subscription period is on INV-77120 (paid on 3 November) and again on
INV-77564. We won't be paying the second one for that line. Please void or credit it
and send us a corrected invoice.

Sandra
"""
        + sig_en("Sandra Kowalczyk", "Head of Finance", "Brightwater Hotels")
        + FWD_EN.format(
            sender="Jun Takeda <j.takeda@brightwater-hotels.example>",
            date="Mon, 23 Nov 2026 09:41",
            subject="October appears on two invoices",
            to="Sandra Kowalczyk <s.kowalczyk@brightwater-hotels.example>",
        )
        + """
Hi Sandra,

While matching the CloudPartner invoices I found that "Microsoft 365 E3 x 120,
01/10/2026 - 31/10/2026" is on INV-77120, which we paid on 3 Nov, and it's also on
INV-77564 dated 20 Nov, same quantity and same amount (GBP 3,960.00). I've put
INV-77564 on hold in the AP system for now. Can you raise it with them?

Thanks,
Jun
""",
        fmt="utf8-8bit",
        batch=H17,
    ),
    M(
        "h17-en-disputes-usage-not-ours.eml",
        "disputes",
        "metered usage in a region they never use; they say it is not theirs and refuse to pay it",
        ("Grant Melville", "grant.melville@quaystone-analytics.example"),
        "Usage on our October invoice that isn't ours",
        """Hello,

Our October invoice (INV-51007) includes $6,412.88 of compute usage in the Brazil
South region. We don't run anything in Brazil South and never have: all of our
workloads are in UK South and West Europe, and our own cost reports for October show
nothing anywhere else.

I've had our engineers check the subscription activity log and there are no
deployments there from any of our accounts. Either it's been put on the wrong
customer or something is wrong on the metering side, but either way it isn't our
usage and we're not going to pay for it. Please remove it from the invoice and let
us know what you find.

Regards,
Grant Melville
Platform Lead, Quaystone Analytics
""",
        fmt="utf8-qp",
        batch=H17,
    ),
    M(
        "h17-en-disputes-tax-exempt-charged-vat.eml",
        "disputes",
        "charity with exemption certificate on file was charged sales tax; wants it refunded",
        ("Margaret Oyelaran", "accounts@st-brendans-trust.example"),
        "Tax on our invoice - we are exempt",
        """<html><body>
<p>Dear Sir or Madam,</p>
<p>St Brendan's Trust is a registered charity and a tax-exempt organisation. Our
exemption certificate was sent to you when we opened the account in March and you
confirmed receipt, and until now none of our invoices have carried tax.</p>
<p>The invoice dated 1 November (INV-30266) adds <b>$412.50</b> of sales tax. We
are not liable for this amount and cannot pay it from charitable funds. Could you
please remove the tax and issue a corrected invoice, and make sure the exemption is
still recorded on our account?</p>
<p>Yours faithfully,<br>Margaret Oyelaran<br>Treasurer (volunteer)<br>St Brendan's Trust</p>
</body></html>
""",
        fmt="html",
        batch=H17,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h17-ja-disputes-billed-in-dollars.eml",
        "disputes",
        "contract is in yen but they were billed in dollars with a conversion they never agreed to; want the difference back",
        ("松永 恵子", "k.matsunaga@hokuyo-seimitsu.example"),
        "11月分ご請求の通貨について",
        """CloudPartner 請求ご担当者様

いつもお世話になっております。北洋精密の松永です。

11月分のご請求書（INV-2026-11-0381）を拝見したところ、これまで円建てだった
ご請求が米ドル建てに変わっており、当社のカードには為替換算後の金額として
412,880円が引き落とされておりました。契約書では月額368,000円（税別）の
円建てとなっており、通貨の変更についてご連絡もいただいておりませんし、
当社として同意もしておりません。

差額の44,880円につきましては当社で負担する理由がございませんので、
契約どおりの円建てでご請求書を再発行いただき、差額をご返金いただけますよう
お願いいたします。
"""
        + sig_ja("北洋精密株式会社", "経理部", "松永 恵子", "2841"),
        fmt="iso2022",
        batch=H17,
    ),
    M(
        "h17-ja-disputes-cancelled-licences-billed.eml",
        "disputes",
        "ten licences cancelled at end of September still billed for October and November; refuse to pay, want a refund",
        ("田所 健", "tadokoro@minato-kensetsu.example"),
        "解約済みのライセンスが請求されています",
        """ご担当者様

湊建設の田所です。

9月30日付で解約の手続きをしたライセンス10本（受付番号 C-55102）が、
10月分・11月分のご請求書にそのまま載っております。
解約完了のメールも受け取っておりますので、こちらに落ち度はないと考えております。

2か月分で33,000円になりますが、この分はお支払いできません。
請求から外していただき、10月分で既にお支払いした16,500円は
返金していただけますでしょうか。

よろしくお願いします。

湊建設株式会社 総務課
田所 健
""",
        fmt="sjis",
        batch=H17,
    ),
    M(
        "h17-ja-disputes-amount-differs-from-quote.eml",
        "disputes",
        "unit price on the invoice is higher than on the quote; want the invoice redone at the quoted price",
        ("岡部 由紀", "okabe@sakura-kikaku.example"),
        "見積書と請求金額が異なる件",
        """株式会社クラウドパートナー
ご担当者様

さくら企画の岡部でございます。

先月ご提示いただいたお見積書（見積番号 E-20261014）では、1ユーザーあたり
月額1,200円×30ユーザーとなっておりましたが、届いた請求書では1,580円で
計算されております。見積の有効期限内に発注しておりますので、
お見積どおりの単価で請求書を作り直していただきたく存じます。

差額の11,400円について、もし何か理由があるのでしたらご説明をお願いいたします。
お手数をおかけしますが、ご確認のほどよろしくお願い申し上げます。
"""
        + sig_ja("株式会社さくら企画", "管理部", "岡部 由紀", "3372"),
        fmt="utf8-b64",
        batch=H17,
    ),
    M(
        "h17-ja-disputes-addon-never-ordered.eml",
        "disputes",
        "an add-on nobody ordered appears on the invoice; want the line removed",
        ("西村 拓也", "t.nishimura@kaiun-shoji.example"),
        "注文していないオプションについて",
        """<html><body>
<p>お世話になっております。海運商事の西村です。</p>
<p>今月のご請求書に「高度脅威対策オプション 50ユーザー 月額27,500円」という
項目が入っておりますが、当社ではこのオプションを注文した記録がございません。
社内の情報システム担当にも確認しましたが、誰も申し込んでいないとのことです。</p>
<p>身に覚えのない費用ですので、この項目を請求から削除していただき、
どなたからのご注文として処理されたのか教えていただけますでしょうか。</p>
<p>海運商事株式会社<br>経理課 西村 拓也</p>
</body></html>
""",
        fmt="html",
        batch=H17,
    ),
    # ------------------------------------------------------------------ escalations (en)
    M(
        "h17-en-escalations-prod-down-licences-lapsed.eml",
        "escalations",
        "production down: licences show expired on the vendor side though the renewal was paid; needs the vendor now",
        ("Marcus Feld", "marcus.feld@oakline-freight.example"),
        "URGENT - all users locked out, licences showing expired",
        """Hi,

Since about 06:30 this morning none of our 230 users can open Outlook or Teams.
Every account says "Your licence has expired". The admin centre shows the
subscription as Expired as of midnight, but we paid the renewal invoice (INV-61290)
on 28 October and your portal shows it as paid, so this is on the vendor's side,
not ours.

Our dispatch desk runs on Teams and trucks are sitting in the yard. I've tried the
vendor's own support line and was told that because we buy through a partner, you
have to raise it with them. Please open a case with them right now and send me the
case number. I'm on my mobile all day: +44 7700 900412.

Marcus Feld
IT Manager, Oakline Freight
""",
        fmt="utf8-8bit",
        batch=H17,
    ),
    M(
        "h17-en-escalations-tenant-migration-stuck.eml",
        "escalations",
        "tenant-to-tenant migration stuck at the vendor for three weeks; asks the partner to push the vendor",
        ("Elaine Morrow", "elaine.morrow@kestrel-legal-services.example"),
        "Tenant migration still stuck - 3 weeks now",
        """Hi team,

It is now three weeks since the tenant move from our old Kestrel Advisory tenant
into the main Kestrel Legal tenant stalled at "Pending vendor action". Half of our
mailboxes have moved, half haven't, and people are working across two tenants with
shared calendars that don't work.

Your technician said on 4 November that only the vendor's back-end team can release
the domain from the old tenant and that it had been passed to them. We haven't heard
a thing since. We can't do anything on our side until the domain is released.

Can you go back to the vendor, get an actual date from them and tell me who at their
end owns it? Our partners' meeting is on Monday and I'd like to give them something
better than "waiting".

Thanks,
Elaine Morrow
Office & Systems Manager, Kestrel Legal Services LLP
""",
        fmt="alt",
        batch=H17,
    ),
    M(
        "h17-en-escalations-global-admin-lockout.eml",
        "escalations",
        "security lockout: the only global admins are locked out after an MFA reset; only the vendor can restore access",
        ("Ahmed Saleh", "a.saleh@meridian-clinics.example"),
        "Locked out of our admin accounts - possible compromise",
        """Hello,

We need help urgently. Last night both of our global administrator accounts had
their MFA methods changed and passwords reset, and neither of us did it. We are now
locked out of the admin portal completely. We think one of the accounts was
phished.

We can't reset anything ourselves because there is no other admin. Self-service
recovery fails. We need the vendor's identity team to verify us and give us back
control of the tenant before whoever did this does anything else, because we hold
patient appointment data in there.

Please raise this with the vendor as a security incident as a priority and call me
on 0161 555 0198. I can provide proof of domain ownership and company documents
straight away.

Ahmed Saleh
IT Lead, Meridian Clinics
""",
        fmt="utf8-qp",
        batch=H17,
    ),
    M(
        "h17-en-escalations-auditor-deadline-today.eml",
        "escalations",
        "regulator deadline today needs a vendor-issued audit log export only the vendor can produce",
        ("Fiona Caldwell", "fiona.caldwell@harbourside-credit.example"),
        "FCA deadline 5pm TODAY - vendor audit log export",
        """<html><body>
<p>Good morning,</p>
<p>We have a regulatory submission due to the FCA at <b>17:00 today</b> that must
include the full sign-in and mailbox audit logs for 1 May to 31 July. Our own
retention only goes back 90 days, so the earlier part has to come from the vendor's
extended audit store, which we can only request through our partner.</p>
<p>I asked for this on 16 November (your ref CP-230511) and was told it had gone to
the vendor, but nothing has arrived. Our compliance officer is now asking me every
hour. Can someone please chase the vendor directly, by phone if possible, and tell
me whether we will have the export today? If not I need a written statement from
the vendor that the request is in progress so that we can ask the regulator for
an extension.</p>
<p>Fiona Caldwell<br>Head of IT Risk<br>Harbourside Credit Union</p>
</body></html>
""",
        fmt="html",
        batch=H17,
    ),
    M(
        "h17-en-escalations-ceo-wants-answer.eml",
        "escalations",
        "IT director forwards the CEO's complaint about a week-long vendor sync outage; wants it taken to the vendor",
        ("Neil Haverford", "neil.haverford@tamsin-foods.example"),
        "Fwd: Still no shared drive - this is unacceptable",
        """Hi,

Forwarding the note below from our CEO. I've done everything I can on our side:
the file sync has been failing for all 80 users since last Wednesday with error
0x8004de40 and your first-line team confirmed on Friday that it's a fault in the
vendor's service for our tenant and that it was "with the vendor". Nothing has
happened since and I've no case number to quote to anyone.

I need this in front of the vendor's engineers today and a proper update I can give
Charlotte before her call with the board tomorrow morning.

Neil Haverford
Director of IT, Tamsin Foods
"""
        + FWD_EN.format(
            sender="Charlotte Brennan <charlotte.brennan@tamsin-foods.example>",
            date="Tue, 24 Nov 2026 19:12",
            subject="Still no shared drive - this is unacceptable",
            to="Neil Haverford <neil.haverford@tamsin-foods.example>",
        )
        + """
Neil,

A week without the shared drive. Sales can't get at price lists, the buyers are
emailing spreadsheets to each other, and we're paying for a service that isn't
working. I want to speak to someone senior at this reseller tomorrow and I want
to know exactly what the vendor is doing about it.

Charlotte
""",
        fmt="utf8-b64",
        batch=H17,
    ),
    M(
        "h17-en-escalations-counsel-legal-hold-data.eml",
        "escalations",
        "outside counsel: mailbox under legal hold was purged by the vendor; needs vendor recovery before a court date",
        ("Jonathan Pryce-Ellis", "jpe@pryce-ellis-law.example"),
        "Ashford Joinery Ltd - mailbox data under litigation hold",
        """Dear Sirs,

We act for Ashford Joinery Ltd, your customer, in connection with ongoing
employment litigation.

Our client placed the mailbox of a former employee on litigation hold in June. We
are informed that following a vendor-side retention job on 9 November that mailbox
no longer appears in the tenant, and that our client's administrator cannot
restore it from the recycle bin or the admin console. The contents are subject to
a disclosure order and must be produced by 4 December.

We require that you raise this with the vendor immediately as a matter of the
highest priority, obtain confirmation whether the data can be recovered from the
vendor's own systems, and provide us with the vendor's case reference. Please
confirm by return that this has been done.

Yours faithfully,

Jonathan Pryce-Ellis
Partner, Pryce-Ellis Solicitors
""",
        fmt="utf8-8bit",
        batch=H17,
    ),
    M(
        "h17-en-escalations-third-chase-vendor-case.eml",
        "escalations",
        "third unanswered chase of an open vendor case for a broken SSO integration",
        ("Lukas Brandt", "lukas.brandt@veldhoven-print.example"),
        "Re: Re: vendor case 2611050040001287 - SSO login loop",
        """Hello again,

This is the third time I'm asking. The vendor case you opened for us on 5 November
(2611050040001287) still has no update, and our staff still can't sign in to the
HR portal through single sign-on - it loops back to the login page every time.
We've done all the troubleshooting the vendor asked for in the first week.

Could somebody please ring the vendor's partner desk and ask them to move this on,
or escalate it to their duty manager? A reply of any kind would be welcome at this
point.

Lukas Brandt
IT, Veldhoven Print GmbH
"""
        + REPLY_EN.format(
            date="Thu, 19 Nov 2026 at 10:05",
            sender="Lukas Brandt <lukas.brandt@veldhoven-print.example>",
        )
        + quoted(
            """Hi, any news on the vendor case? It's been two weeks.

Lukas"""
        )
        + "\n"
        + quoted(
            REPLY_EN.format(
                date="Thu, 12 Nov 2026 at 14:31",
                sender="Lukas Brandt <lukas.brandt@veldhoven-print.example>",
            )
            + quoted("Hi, just checking whether the vendor has come back on our SSO case.")
        )
        + "\n",
        fmt="utf8-qp",
        batch=H17,
    ),
    M(
        "h17-en-escalations-seats-not-provisioned-golive.eml",
        "escalations",
        "200 paid seats never provisioned by the vendor before a Monday go-live; a double charge is mentioned but parked",
        ("Oluwaseun Adeyemi", "seun.adeyemi@brightpath-academy.example"),
        "200 new licences not showing - go-live Monday",
        """Hi,

Two things, the first one is the urgent one.

1) We ordered 200 additional A3 licences on 16 November for our new campus. The
order shows as complete and paid in your portal, but the licences have never
appeared in our tenant: the admin centre still shows our old total of 350. Your
helpdesk said the order was "stuck in provisioning at the vendor" and they can't
push it from your side. Our new campus opens on Monday with 200 staff who need
accounts on day one. I need the vendor to fix the provisioning this week, please
escalate it and let me know the case number.

2) Less urgent: I think we might have been charged twice for that order, there are
two card payments of the same amount on the 16th. Happy to deal with that
separately next week once the licences are sorted.

Thanks,
Seun Adeyemi
Network Manager, BrightPath Academy Trust
""",
        fmt="alt",
        batch=H17,
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "h17-ja-escalations-licence-expired-prod-down.eml",
        "escalations",
        "whole company down: licences expired on the vendor side although the renewal was paid; vendor told them to go through the partner",
        ("情報システム部 小池", "koike@tokai-buhin.example"),
        "【至急】全社員がログインできません（ライセンス失効表示）",
        """クラウドパートナー サポートご担当者様

東海部品の小池です。至急のご対応をお願いいたします。

本日朝8時頃から、全社員約180名がメール・Teamsにログインできなくなっております。
管理画面ではサブスクリプションが「期限切れ」と表示されておりますが、
更新料は10月末にお支払い済みで、御社ポータルでも入金済みとなっております。

メーカーのサポートに電話したところ、パートナー経由の契約なので
パートナーからケースを上げてもらうようにと言われました。
工場の出荷指示が止まっておりますので、すぐにメーカーへエスカレーションしていただき、
ケース番号をお知らせください。

携帯：090-5555-3321（小池）
"""
        + sig_ja("東海部品株式会社", "情報システム部", "小池 誠", "4410"),
        fmt="iso2022",
        batch=H17,
    ),
    M(
        "h17-ja-escalations-admin-locked-out.eml",
        "escalations",
        "the only admin account is locked; only the vendor can verify identity and restore access",
        ("森下 葵", "morishita@ginga-design.example"),
        "管理者アカウントがロックされてしまいました",
        """お世話になっております。銀河デザインの森下です。

当社の管理者アカウントが、不審なサインインが続いたとのことでロックされてしまいました。
管理者はこのアカウント1つしかなく、パスワードのリセットも多要素認証の再設定も
できない状態です。社員の新規アカウント作成や退職者の停止もできず困っております。

御社のサポートの方からは、メーカー側で本人確認をしないと解除できないと伺いました。
登記簿謄本などの書類はすぐにご用意できますので、
メーカーへの依頼を至急進めていただけますでしょうか。

株式会社銀河デザイン 管理部
森下 葵
""",
        fmt="sjis",
        batch=H17,
    ),
    M(
        "h17-ja-escalations-third-follow-up.eml",
        "escalations",
        "third chase of a vendor case silent for three weeks; asks for escalation to a higher vendor tier",
        ("長谷川 誠一", "s.hasegawa@aozora-unyu.example"),
        "Re: Re: メーカー問い合わせの進捗（ケース番号 2611020030004512）",
        """クラウドパートナー
ご担当者様

青空運輸の長谷川です。度々のご連絡失礼いたします。

11月2日にメーカーへ上げていただいたケース（2611020030004512）について、
本件で3度目のお問い合わせになりますが、いまだに何の回答もございません。
共有メールボックスのデータが一部表示されない状態が3週間続いており、
配車担当が過去のやりとりを確認できず業務に支障が出ております。

メーカーの担当者から何らかの回答が得られるよう、
より上位の窓口への再エスカレーションをお願いできませんでしょうか。
進捗だけでも本日中にご連絡いただけますと幸いです。
"""
        + sig_ja("青空運輸株式会社", "総務部", "長谷川 誠一", "6158")
        + """
> 11月16日 長谷川 誠一 <s.hasegawa@aozora-unyu.example>:
> その後、メーカーからの回答はございましたでしょうか。
""",
        fmt="utf8-qp",
        batch=H17,
    ),
    M(
        "h17-ja-escalations-audit-deadline.eml",
        "escalations",
        "auditor deadline tomorrow for a certificate only the vendor can issue; asks the partner to chase the vendor today",
        ("内部監査室 川口", "kawaguchi@fujimi-sangyo.example"),
        "【本日中にご回答ください】監査提出用のメーカー証明書について",
        """ご担当者様

富士見産業 内部監査室の川口でございます。

監査法人へ明日正午までに提出が必要な、データ保管場所（国内リージョン）に関する
メーカー発行の証明書について、10月末に御社経由でメーカーへ依頼しておりますが、
まだ届いておりません。当社では発行できない書類のため、御社からメーカーへ
至急催促していただく以外に方法がございません。

明日に間に合わない場合は、少なくとも「発行手続き中」である旨のメーカーからの
書面が必要です。本日中に見通しをご連絡いただけますようお願い申し上げます。
"""
        + sig_ja("富士見産業株式会社", "内部監査室", "川口 直美", "7720"),
        fmt="alt",
        batch=H17,
    ),
    # ------------------------------------------------------------------ billing (en)
    M(
        "h17-en-billing-price-change-notice-question.eml",
        "billing",
        "asks how the announced January price rise applies to their annual term, for budgeting; not a contest",
        ("Debbie Lansbury", "debbie@lansbury-architects.example"),
        "Question about the price change letter",
        """Hi there,

We got your letter about the per-user price for Business Standard going up from
1 January. We're on an annual term that runs to the end of June, so I just want to
check for our budget: does the new price apply to us from January, or only when we
renew in July? And will it be the same for the 5 seats we're planning to add in
March?

No problem with the change itself, I just need the right numbers for next year's
budget by Friday.

Cheers,
Debbie
Office Manager, Lansbury Architects
""",
        fmt="utf8-8bit",
        batch=H17,
    ),
    M(
        "h17-en-billing-switch-to-bank-transfer.eml",
        "billing",
        "wants to move from card payment to bank transfer and asks for the bank details and invoice terms",
        ("Victor Almeida", "v.almeida@almeida-coffee.example"),
        "Changing how we pay",
        """<html><body>
<p>Hello,</p>
<p>Our company card is being replaced at the end of the month and our accountant
would prefer that we pay your invoices by bank transfer from now on instead of
by card.</p>
<p>Could you tell me how to change this on our account, send your bank details on
letterhead, and let me know what the payment terms would be for transfers (we'd
like 30 days if possible)? Should we still expect the invoice on the 1st of each
month?</p>
<p>Thank you,<br>Victor Almeida<br>Almeida Coffee Roasters</p>
</body></html>
""",
        fmt="html",
        batch=H17,
    ),
    M(
        "h17-en-billing-explain-proration-lines.eml",
        "billing",
        "asks to understand proration lines after adding seats mid-month; says explicitly they are not questioning the amount",
        ("Ingrid Solberg", "ingrid.solberg@fjordline-consult.example"),
        "Help reading our November invoice",
        """Hello,

I'm new in the finance role here and I'm trying to make sense of our November
invoice (INV-70334) before I post it. There are three lines marked "prorated" with
different dates, and two of them have negative amounts. I think they relate to the
seats we added and then swapped to a different plan in October, but I'm not sure.

I'm not questioning the total, I'd just like a short explanation of what each
prorated line is for, so I can code them to the right cost centres. Is there also
a way to get the invoice as a CSV?

Thank you,
Ingrid Solberg
Finance Assistant, Fjordline Consulting AS
""",
        fmt="utf8-qp",
        batch=H17,
    ),
    M(
        "h17-en-billing-new-exemption-going-forward.eml",
        "billing",
        "new tax-exemption certificate to apply from now on; past invoices accepted as they are",
        ("Gloria Ntim", "finance@riverside-community-radio.example"),
        "Our new tax exemption certificate",
        """Hello,

Good news at our end: we've just been granted tax-exempt status (certificate
attached in our portal upload, number EX-2026-118734, effective 1 December 2026).

Could you please record this on our account so that invoices from December onwards
don't include sales tax? The invoices up to and including November are correct as
they are, since the exemption wasn't in place yet, so nothing needs to change on
those. Please let me know if you need the certificate in another format.

Best wishes,
Gloria Ntim
Treasurer, Riverside Community Radio
""",
        fmt="utf8-b64",
        batch=H17,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h17-ja-billing-reissue-invoice-new-address.eml",
        "billing",
        "head-office move: change the invoice address and reissue a lost October invoice",
        ("経理部 藤井", "fujii@kotobuki-shokai.example"),
        "請求書の送付先変更と再発行のお願い",
        """株式会社クラウドパートナー
ご請求担当者様

平素より大変お世話になっております。寿商会経理部の藤井でございます。

このたび当社は12月1日付で本社を移転することとなりました。
つきましては、12月分以降のご請求書の宛先を下記に変更いただけますでしょうか。

新住所：〒105-0011 東京都港区芝公園二丁目4番1号 芝パークビル8階

また、10月分のご請求書を社内で紛失してしまいましたため、
お手数ですが再発行をお願いできますと幸いです。
"""
        + sig_ja("株式会社寿商会", "経理部", "藤井 真理子", "1188"),
        fmt="sjis",
        batch=H17,
    ),
    M(
        "h17-ja-billing-card-to-direct-debit.eml",
        "billing",
        "wants to switch from card to direct debit and asks about the procedure",
        ("三浦 陽子", "miura@hidamari-hoikuen.example"),
        "支払方法の変更について",
        """お世話になっております。ひだまり保育園の三浦です。

現在、ご利用料金をクレジットカードでお支払いしておりますが、
来年1月から口座振替に切り替えたいと考えております。
必要な書類や手続きの流れ、切り替えが間に合う締め日を
教えていただけますでしょうか。

また、口座振替の場合、引き落とし日は毎月何日になりますでしょうか。
よろしくお願いいたします。

社会福祉法人ひだまり会 ひだまり保育園
事務 三浦 陽子
""",
        fmt="iso2022",
        batch=H17,
    ),
    M(
        "h17-ja-billing-price-revision-question.eml",
        "billing",
        "asks when the announced price revision applies, for budgeting only; says explicitly they do not object",
        ("石川 剛", "ishikawa@kanazawa-print.example"),
        "価格改定のお知らせについての質問",
        """ご担当者様

金沢印刷の石川です。いつもお世話になっております。

先日いただいた「2027年2月からの価格改定のお知らせ」について確認させてください。
当社は年間契約（2027年4月更新）なのですが、新しい価格は2月から適用されますか、
それとも次回の更新時からでしょうか。
また、年の途中でユーザーを追加した場合はどちらの価格になりますか。

改定自体に異論があるわけではなく、来期の予算を組むために正確な金額を
把握したいだけですので、お手すきの際にご回答いただければ結構です。
"""
        + sig_ja("金沢印刷株式会社", "総務課", "石川 剛", "5063"),
        fmt="utf8-b64",
        batch=H17,
    ),
    M(
        "h17-ja-billing-registration-number-receipt.eml",
        "billing",
        "asks for invoices showing the qualified-invoice registration number and receipts for past payments",
        ("大野 さやか", "s.ohno@midori-clinic.example"),
        "適格請求書と領収書の発行について",
        """<html><body>
<p>クラウドパートナー ご担当者様</p>
<p>みどりクリニック事務の大野と申します。</p>
<p>税理士から、御社の請求書に適格請求書発行事業者の登録番号が記載されているか
確認するよう言われました。手元の請求書では見当たらなかったのですが、
登録番号入りの請求書をいただくことは可能でしょうか。</p>
<p>あわせて、4月から9月までにお支払いした分の領収書もPDFで発行していただけますと
助かります。よろしくお願いいたします。</p>
<p>医療法人みどり会 みどりクリニック<br>事務 大野 さやか</p>
</body></html>
""",
        fmt="html",
        batch=H17,
    ),
    # ------------------------------------------------------------------ collections (en)
    M(
        "h17-en-collections-payment-plan-after-outage.eml",
        "collections",
        "overdue invoices and a request to pay them in instalments; the outage is only why cash is short",
        ("Tariq Hussain", "tariq@hussain-wholesale.example"),
        "Overdue invoices - can we spread the payments?",
        """Hello,

I've had your reminder about invoices INV-55010 and INV-55587, now 45 and 15 days
overdue, £4,820 in total. I'm sorry they've slipped. The power outage at our
warehouse in October shut us for nine days and our cash flow hasn't caught up yet.

I don't want the account to go any further down your process. Would you accept
three payments of about £1,610, on 1 December, 1 January and 1 February? I can set
up the standing order as soon as you confirm.

Thank you for understanding,
Tariq Hussain
Director, Hussain Wholesale Ltd
""",
        fmt="utf8-8bit",
        status="delinquent",
        batch=H17,
    ),
    M(
        "h17-en-collections-final-notice-paid-today.eml",
        "collections",
        "answers a final notice: payment sent today with remittance reference, asks that access not be disabled",
        ("Bethany Clarke", "accounts@clarke-and-sons-joinery.example"),
        "Re: FINAL NOTICE - account 40221",
        """Hi,

Thanks for the final notice. Sorry, it came while I was off sick and nobody else
picked up the post.

I've paid the full £2,136.00 by bank transfer this morning, reference 40221-OCT-NOV.
Please can you make sure our email isn't switched off while it clears? I can
send the bank confirmation if you need it.

Bethany
Clarke & Sons Joinery
"""
        + REPLY_EN.format(
            date="Fri, 20 Nov 2026 at 08:00",
            sender="CloudPartner Billing <billing@cloudpartner.example>",
        )
        + quoted(
            """FINAL NOTICE

Account 40221 has unpaid invoices totalling GBP 2,136.00, the oldest now 62 days
past due. If payment is not received within 7 days, access to your subscription
will be disabled for non-payment."""
        )
        + "\n",
        fmt="alt",
        batch=H17,
    ),
    M(
        "h17-en-collections-suspended-paid-restore.eml",
        "collections",
        "subscription disabled for non-payment; they have now paid and ask how soon it is switched back on",
        ("Kevin O'Rourke", "kevin@orourke-plumbing.example"),
        "we've been cut off - paid now",
        """Hi,

Our email stopped working this morning and the portal says the account has been
disabled for non-payment. Fair enough, I'll hold my hands up, the last two invoices
got missed when our bookkeeper left.

I've just paid both in full on the card in your portal (about €1,100 all in). How
long until we're switched back on? The lads are out on jobs and can't see their
bookings. If there's a reconnection fee or anything else owing, tell me and I'll
pay it today.

Kevin O'Rourke
O'Rourke Plumbing & Heating
""",
        fmt="utf8-qp",
        batch=H17,
    ),
    M(
        "h17-en-collections-three-months-behind.eml",
        "collections",
        "AP admits three months of unpaid invoices and proposes a date to clear them, asking to hold off",
        ("Sunita Varma", "ap@varma-textiles.example"),
        "Outstanding balance on our account",
        """<html><body>
<p>Dear CloudPartner team,</p>
<p>I'm writing about the overdue reminder we received last week. We are aware that
invoices for September, October and November are still unpaid (&pound;7,344 in
total). This is due to a change of bank at our end that held up all outgoing
payments; the amounts themselves are correct.</p>
<p>The new account is now open and we expect to clear the whole balance on
<b>4 December</b>. Could you please hold off any further reminders or restrictions
until then? I will send the remittance advice on the day.</p>
<p>Kind regards,<br>Sunita Varma<br>Accounts Payable, Varma Textiles</p>
</body></html>
""",
        fmt="html",
        batch=H17,
    ),
    # ------------------------------------------------------------------ collections (ja)
    M(
        "h17-ja-collections-installments-request.eml",
        "collections",
        "after a reminder, asks to pay two overdue months in three instalments",
        ("山内 和夫", "yamauchi@yamauchi-seika.example"),
        "未払い分のお支払いについてご相談",
        """株式会社クラウドパートナー
ご担当者様

山内製菓の山内でございます。

先日お送りいただいたお支払いのご案内（督促）を拝見いたしました。
9月分・10月分の合計132,000円が未払いとなっておりますこと、誠に申し訳ございません。

秋の原材料値上がりで資金繰りが厳しく、一括でのお支払いが難しい状況です。
大変恐縮ですが、12月から3回に分けて毎月44,000円ずつお支払いさせていただくことは
可能でしょうか。サービスが止まりますと受注ができなくなりますので、
何卒ご検討のほどお願い申し上げます。
"""
        + sig_ja("山内製菓株式会社", "代表取締役", "山内 和夫", "9034"),
        fmt="iso2022",
        status="delinquent",
        batch=H17,
    ),
    M(
        "h17-ja-collections-late-payment-apology.eml",
        "collections",
        "apologises for an overdue invoice and promises to pay on the 28th",
        ("経理 佐野", "sano@hamakaze-unso.example"),
        "お支払い遅延のお詫び",
        """ご担当者様

いつもお世話になっております。浜風運送 経理の佐野です。

10月分のご利用料金（請求書番号 INV-2026-10-2290、58,300円）につきまして、
お支払い期日を過ぎてしまっておりますこと、大変申し訳ございません。
社内の支払処理で漏れがあったことが判明いたしました。

今月28日に必ずお振込みいたしますので、それまでお待ちいただけますでしょうか。
振込完了後に改めてご連絡いたします。

浜風運送株式会社 経理課
佐野 恵美
""",
        fmt="sjis",
        batch=H17,
    ),
    M(
        "h17-ja-collections-service-stopped-paid.eml",
        "collections",
        "service stopped for non-payment; paid today and asks when it will be restored",
        ("竹内 翔", "takeuchi@takeuchi-koumuten.example"),
        "利用停止の解除について",
        """お世話になっております。竹内工務店の竹内です。

今朝からメールが使えなくなり、管理画面を見たところ
料金未払いのため利用停止と表示されていました。
督促のメールを見落としていたのはこちらの落ち度です。申し訳ありません。

本日午前中に未払い分の77,000円を振り込みました。
振込の控えもございますので必要でしたらお送りします。
いつごろ利用を再開していただけますでしょうか。

竹内工務店
竹内 翔
""",
        fmt="utf8-8bit",
        status="suspended",
        batch=H17,
    ),
    M(
        "h17-ja-collections-final-notice-reply.eml",
        "collections",
        "forwarded final notice: promises full payment this week and asks that service not be stopped",
        ("中島 美穂", "nakajima@sora-kikaku.example"),
        "Fwd: 【最終通知】未払い料金のお支払いについて",
        """ご担当者様

そら企画の中島です。社長宛に届いていた最終通知が転送されてまいりました。
ご連絡が遅くなり申し訳ございません。

未払いとなっている3か月分（合計96,800円）は、今週金曜日までに全額お振込みいたします。
業務で毎日使っておりますので、利用停止はどうかお待ちいただけますようお願いいたします。
"""
        + FWD_JA.format(
            sender="高橋 誠 <takahashi@sora-kikaku.example>",
            date="2026年11月24日 9:12",
            subject="【最終通知】未払い料金のお支払いについて",
        )
        + """
中島さん
これ、経理で対応お願いします。止められると困るので急ぎで。
高橋
""",
        fmt="utf8-qp",
        batch=H17,
    ),
]
