"""Held-out batch 18 of the routing corpus (see make_routing_holdout.py), written BLIND on
2026-11-25: config/rules.toml, ticketing/rules.py, ticketing/routing_ops.py, the rules
tests, every earlier routing mail and every golden file stayed closed while writing, and
the router was never run on these mails. Each label is the queue a competent
billing-support lead would pick from the NEW text of the mail (quoted history is
background). All four queues, ten each, half English and half Japanese: shop owners,
finance clerks, group controllers, procurement, IT admins, MSPs writing for clients,
executives, lawyers, our own sales staff forwarding a customer's words; non-native
English, keigo and plain Japanese; replies, forwards, Outlook disclaimers, typos,
HTML-only, multipart, ISO-2022-JP, Shift_JIS, QP and base64.

- "holdout-18": SEALED until the rules change in progress is finished, then measured
  once and never tuned on. Do not edit these mails to suit the rules.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja
from make_routing_holdout12 import FWD_EN, FWD_JA

H18 = "holdout-18"

HOLDOUT_18: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h18-en-billing-po-number-reissue.eml",
        "billing",
        "asks for the Adobe annual invoice to be reissued with their PO number; amount is right",
        ("Priya Raman", "p.raman@halden-eng.example"),
        "Adobe VIP annual invoice - PO number missing",
        """Hello,

Our accounts payable team sent back invoice INV-2026-11-0382 (Adobe Creative Cloud for
teams, annual, 14 seats) because it does not show our purchase order number. We cannot
pay anything over EUR 5,000 without a PO printed on the invoice itself.

Could you please reissue it with PO 4500219870 and send the PDF to ap@halden-eng.example,
copying me? Nothing else needs to change, the amount and the seat count are correct.

For future renewals please keep this PO on file, it is a blanket PO valid until March 2028.

Thanks,
Priya
"""
        + sig_en("Priya Raman", "Procurement Officer", "Halden Engineering GmbH"),
        fmt="alt",
        batch=H18,
    ),
    M(
        "h18-en-billing-card-to-direct-debit.eml",
        "billing",
        "wants to move payment from his personal card to a business direct debit; nothing failed",
        ("Tom Okafor", "tom@okaforbikes.example"),
        "changing how we pay",
        """hi there

I run a small bike shop, we have 6 Microsoft 365 Business Basic licences with you paid by
my personal visa. my accountant says the business should pay it, from the business
account by direct debit not my card. how do I set that up? is there a mandate form to sign
or can I do it online somewhere. the card is fine btw, nothing has bounced, I just want it
off my card before the december invoice if possible.

also do the invoices need to be in the company name for that? right now they say Tom
Okafor not Okafor Bikes Ltd.

cheers
Tom

Sent from my iPhone
""",
        fmt="utf8-8bit",
        batch=H18,
    ),
    M(
        "h18-en-billing-consolidated-group-invoice.eml",
        "billing",
        "group controller wants one consolidated invoice for three subsidiaries from January",
        ("Marguerite Delacroix-Hughes", "m.delacroixhughes@verrand-group.example"),
        "Group billing set-up for 2027 - Verrand Holdings and subsidiaries",
        """Dear Billing team,

I am the group financial controller at Verrand Holdings. Following our acquisition of
Kestrel Logistics and Marlow Print in the summer, we now have three separate accounts with
you (Verrand Holdings: Azure and Microsoft 365; Kestrel: Slack Business+ and Atlassian Jira
and Confluence Cloud; Marlow: Google Workspace and Zoom). Each one gets its own monthly
invoice, on different dates and in two currencies, and our shared-services team spends far
too long matching them up at month end.

From January 2027 we would like:

1. one consolidated monthly invoice issued to Verrand Holdings Ltd, with a separate
   section (or an annex) per subsidiary so that we can recharge the costs internally;
2. the VAT number of each entity kept on the annex, because Kestrel is registered in
   Ireland and the reverse charge applies to its part;
3. all amounts in GBP;
4. payment by a single BACS transfer from the holding company, on the 20th of the
   following month.

Is this something you support? If yes, what do you need from us - a group structure
chart, a letter of authority from each subsidiary's director, new credit checks? If the
consolidated invoice is not possible, could you at least align all three invoice dates to
the 1st of the month?

I realise this is a long list. There is no urgency, nothing is overdue and all three
accounts are in good standing; I simply want the new structure in place before our budget
year starts. A call in the first week of December would be welcome.
"""
        + sig_en(
            "Marguerite Delacroix-Hughes", "Group Financial Controller", "Verrand Holdings Ltd"
        ),
        fmt="utf8-qp",
        batch=H18,
    ),
    M(
        "h18-en-billing-azure-cost-breakdown.eml",
        "billing",
        "wants Azure usage split by resource group for chargeback and says the total is not contested",
        ("Daniel Kowalczyk", "dkowalczyk@brightlane-health.example"),
        "RE: October Azure invoice",
        """Hi,

Just to be clear, we're not disputing anything on the October Azure invoice
(INV-2026-10-2291, GBP 18,442.17) - the total matches what we see in Cost Management. Our
finance director wants the cost split by resource group / department so he can charge it
back to the clinics, and the PDF only shows one line per meter.

Can you send the usage detail as CSV (or give us access to a billing export) with resource
group and tags included? Same for September if it's easy.

Thanks
Dan

Daniel Kowalczyk
Cloud Platform Lead, Brightlane Health

> From: Billing Team <billing@cloudpartner.example>
> Sent: 20 November 2026 16:02
> Subject: October Azure invoice
>
> Dear Daniel, please find attached your invoice for October. Payment is due within
> 30 days of the invoice date.
""",
        fmt="html",
        batch=H18,
    ),
    M(
        "h18-en-billing-credit-note-apply.eml",
        "billing",
        "asks how an issued credit note is applied and for it to reference the original invoice",
        ("Ingrid Solberg", "ingrid.solberg@fjordmarine.example"),
        "Credit note CN-2026-0918 - how is it applied?",
        """Good morning,

After we reduced our Microsoft Teams Premium seats from 40 to 25 in October you issued
credit note CN-2026-0918 for NOK 6,210. Thank you for that.

Two questions from our bookkeeping:
- Will the credit be deducted automatically from the December invoice, or should we
  deduct it ourselves when we pay?
- Our auditors ask for the credit note to reference the original invoice number. The PDF
  we received does not. Could you add it and send it again?

Med vennlig hilsen / Best regards
"""
        + sig_en("Ingrid Solberg", "Accountant", "Fjord Marine AS"),
        fmt="utf8-b64",
        batch=H18,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h18-en-disputes-slack-charged-twice.eml",
        "disputes",
        "one Slack invoice taken twice from the card; he wants one charge reversed",
        ("Kevin Marsh", "kevin@marshandco.example"),
        "slack november x2??",
        """Slack Pro for november came off our Amex twice on the 3rd, same amount both times
($412.50). one invoice number, two charges. please put one back.

Kevin
""",
        fmt="utf8-8bit",
        batch=H18,
    ),
    M(
        "h18-en-disputes-zoom-billed-after-cancel.eml",
        "disputes",
        "billed three months after a confirmed Zoom cancellation; refuses the invoices, wants credits",
        ("Fatima Al-Sayed", "fatima.alsayed@nourdesign.example"),
        "Re: Your Zoom cancellation request [#48213]",
        """Hello,

Please look at your own confirmation below. We cancelled the Zoom Business plan effective
31 August. Despite that we have been invoiced for September, October and November
(INV-2026-09-1177, INV-2026-10-1201, INV-2026-11-1249, USD 299.70 each).

We will not pay these three invoices. Kindly cancel them or issue credit notes and confirm
in writing. I have put them on hold in our system so they do not go out in the payment run.

Regards,
Fatima Al-Sayed
Office Manager, Nour Design Studio

On Tue, 18 Aug 2026 at 10:14, Cloud Partner Billing <billing@cloudpartner.example> wrote:
> Dear Fatima,
>
> We confirm that your Zoom Business subscription (10 licences) will be cancelled at the
> end of the current term, 31 August 2026. No further invoices will be issued.
>
> Kind regards,
> Billing Team
""",
        fmt="utf8-qp",
        batch=H18,
    ),
    M(
        "h18-en-disputes-m365-seat-count-msp.eml",
        "disputes",
        "MSP says the client is billed for 120 seats after reducing to 85; wants it corrected and credited",
        ("Rajesh Pillai", "rajesh@northgate-it.example"),
        "Client Harbourside Dental - M365 invoice shows 120 seats, they have 85",
        """Hi team,

Writing on behalf of our client Harbourside Dental Group (tenant
harboursidedental.onmicrosoft.com, your account HD-20417).

Their November invoice bills 120 x Microsoft 365 Business Premium. We reduced the
subscription to 85 on 2 October when they closed two practices - I have screenshots of the
admin center and the change log if you need them. October was also billed at 120.

So they've been overbilled 35 seats for two months. Could you correct it and credit the
difference? The client is asking me why they are paying for licences nobody can use, and
honestly I don't have an answer for them.

Also, minor: their billing contact should be accounts@harboursidedental.example, not the
old practice manager.

Thanks
Rajesh Pillai
Northgate IT Services - Managed Services
"Your IT, handled."
""",
        fmt="alt",
        batch=H18,
    ),
    M(
        "h18-en-disputes-aws-marketplace-never-ordered.eml",
        "disputes",
        "rejects an AWS Marketplace line nobody ordered and asks for it to be taken off the invoice",
        ("Lena Hoffmann", "l.hoffmann@tannberg-logistik.example"),
        "AWS invoice - line we dont recognise",
        """Hello,

On the AWS invoice for October (account 4471-0392-8812) there is a new line "AWS
Marketplace - DataSync Pro Analytics annual subscription" with 8.900 USD. Nobody in our
company has ordered this. I asked our IT and the two admins who have access say they did
not subscribe it and we dont use this product at all.

We don't accept this charge. Please check with AWS who has ordered this and take it from
the invoice. The rest of the invoice is ok, we will pay the rest on due date.

With kind regards
Lena Hoffmann
Buchhaltung / Accounting
Tannberg Logistik GmbH

Sitz der Gesellschaft: Bremen, Amtsgericht Bremen HRB 31877, Geschäftsführer: Jens Tannberg
Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat
sind, informieren Sie bitte sofort den Absender und vernichten Sie diese E-Mail.
""",
        fmt="html",
        batch=H18,
    ),
    M(
        "h18-en-disputes-atlassian-renewal-price-lock.eml",
        "disputes",
        "CFO rejects an Atlassian renewal above the locked quote price; the W-9 request is minor",
        ("Chloe Bennett", "chloe.bennett@orrisfinance.example"),
        "FW: Atlassian renewal - price",
        """Hi, forwarding on behalf of Mark (our CFO), see below. Could you reply to me as he is
travelling this week. Also could you send me your W-9 again, our vendor file still has the
2024 one.

Thanks, Chloe

Chloe Bennett | Executive Assistant to the CFO | Orris Finance Inc.
"""
        + FWD_EN.format(
            sender="Mark Ellery <mark.ellery@orrisfinance.example>",
            date="Monday, November 23, 2026 7:52 PM",
            to="Chloe Bennett <chloe.bennett@orrisfinance.example>",
            subject="Atlassian renewal - price",
        )
        + """
Chloe - please send this to the reseller.

Our Jira Software and Confluence renewal (500 users, invoice INV-2026-11-0655) came in at
USD 92,400. Their own quote Q-2025-0311 from last year fixed the per-user price for three
years, which gives USD 76,800. I am not approving a 20% increase we were told would not
happen. I want the invoice reissued at the quoted price, or a credit for the difference.

Mark

Mark Ellery
Chief Financial Officer, Orris Finance Inc.
""",
        fmt="utf8-b64",
        batch=H18,
    ),
    # --------------------------------------------------------------- collections (en)
    M(
        "h18-en-collections-card-declined-new-card.eml",
        "collections",
        "November payment failed on a cancelled card; new card added, asks for the charge to be retried",
        ("Sam Whitfield", "sam@whitfieldbakery.example"),
        "Re: Payment failed - Google Workspace",
        """Sorry about that, bank cancelled our card after some fraud on it (nothing to do with
you). New card is on the account now, ending 4410. Can you run the November payment again
please? Don't want the email to stop working.

Sam
Whitfield Bakery

> We were unable to collect payment of GBP 86.40 for invoice INV-2026-11-3302. Please
> update your payment details to avoid interruption of service.
""",
        fmt="utf8-8bit",
        batch=H18,
    ),
    M(
        "h18-en-collections-payment-plan.eml",
        "collections",
        "three months overdue after reminders; asks to pay the arrears in three instalments",
        ("Maria Gonzalez", "maria@casagonzalez-catering.example"),
        "Overdue invoices - can we spread them out?",
        """Hello,

I got your reminder last week and another one yesterday, and I'm sorry I haven't replied
sooner. I know we owe you for August, September and October now (the Google Workspace and
the Zoom, about 1,140 euros in total). This year has been very hard for us, we lost our
biggest catering contract in July and I've been juggling suppliers ever since.

I don't want to lose the emails, everything for the business goes through there, bookings,
the menus, the staff rota. Would it be possible to pay it in three parts? I could do 380
now, before the end of the month, then 380 in December and 380 in January, and keep paying
November and onwards on time. If you need something signed I'll sign it.

Please tell me if that's ok, and please don't switch us off in the meantime.

Thank you,
Maria Gonzalez
Casa Gonzalez Catering

Sent from Outlook for Android
""",
        fmt="utf8-qp",
        status="delinquent",
        batch=H18,
    ),
    M(
        "h18-en-collections-final-notice-promise.eml",
        "collections",
        "reply to a final notice promising payment on Friday and asking to hold the suspension",
        ("Owen Price", "owen.price@pentrehousing.example"),
        "RE: FINAL NOTICE - account PH-1187",
        """Hello,

Acknowledged. Invoice INV-2026-09-0871 (GBP 7,325.00) was held because the PO had expired;
a new PO has now been raised and the invoice is approved for our payment run on Friday
27 November. You should have the funds by Monday 30th at the latest.

Please note this against the account and hold off any suspension of the Microsoft 365
licences, we have 300 housing officers relying on them.

Remittance advice will follow from accounts.payable@pentrehousing.example.

Owen Price
Finance Officer
Pentre Housing Association

Pentre Housing Association is a registered society (no. 30114R). This email and any files
transmitted with it are confidential. If you are not the intended recipient, please delete
it and notify the sender.

-----Original Message-----
From: Credit Control <billing@cloudpartner.example>
Sent: 23 November 2026 09:00
To: Owen Price <owen.price@pentrehousing.example>
Subject: FINAL NOTICE - account PH-1187

Invoice INV-2026-09-0871 is now 54 days overdue. If payment is not received within 7 days,
access to your subscriptions will be suspended.
""",
        fmt="alt",
        status="delinquent",
        batch=H18,
    ),
    M(
        "h18-en-collections-direct-debit-returned.eml",
        "collections",
        "direct debit returned because the account closed; asks how to pay the invoice now",
        ("Nguyen Thi Lan", "lan.nguyen@saigonfresh.example"),
        "direct debit return - what to do",
        """Dear Sir/Madam,

We receive letter from our bank that your direct debit for invoice INV-2026-11-2718
(Azure, 1,284.60 AUD) is returned with reason "account closed". This is correct, we move
to new bank (Westpac) in October and I forget to tell you, sorry.

Please let me know how we pay this invoice now. Can we transfer by bank, and what is your
account details? Also is there a fee for the return? And please send me new direct debit
form for the new account so next month is ok.

Best regards,
Nguyen Thi Lan
Accountant
Saigon Fresh Imports Pty Ltd
""",
        fmt="html",
        batch=H18,
    ),
    M(
        "h18-en-collections-suspended-paid-today.eml",
        "collections",
        "suspended for non-payment, has now paid the overdue invoices and asks for reactivation",
        ("Jacob Stein", "jstein@steinarchitects.example"),
        "Paid - please reactivate our account",
        """Hi,

Our Adobe and Microsoft 365 access was switched off this morning for non-payment. Fair
enough, that one is on us - the invoices were sitting in the inbox of someone who left in
September.

I paid both overdue invoices (INV-2026-09-1530 and INV-2026-10-1588, USD 3,918.22 in
total) by wire an hour ago, the bank's confirmation number is FW2611250044817. Please turn
everything back on as soon as you see the money, and let me know if you need anything else
from us. Also please make me the billing contact so this does not happen again.

Jacob Stein
Principal, Stein Architects LLP
""",
        fmt="utf8-b64",
        status="suspended",
        batch=H18,
    ),
    # --------------------------------------------------------------- escalations (en)
    M(
        "h18-en-escalations-m365-licences-vanished.eml",
        "escalations",
        "whole paid-up tenant unlicensed since this morning; Microsoft says go through the partner",
        ("Helen Park", "helen.park@ridgewaycollege.example"),
        "URGENT all staff lost Microsoft 365 licences this morning",
        """Hi,

Since about 7:40 this morning every staff account in our tenant
(ridgewaycollege.onmicrosoft.com) shows as unlicensed - Outlook, Teams, OneDrive all gone
for 240 people. We haven't changed anything on our side. Our account with you is fully
paid (I checked with finance, last invoice paid 2 Nov), so this isn't a payment thing.

In the admin center the A3 subscription shows as "Disabled" with no explanation.
Microsoft's own support line told us to go through our partner. Mock exams start Monday
and staff can't get to any of the coursework.

Please raise this with Microsoft now and call me on 0161 555 0192.

Helen Park
IT Manager, Ridgeway Sixth Form College
""",
        fmt="utf8-8bit",
        batch=H18,
    ),
    M(
        "h18-en-escalations-aws-ri-case-stuck.eml",
        "escalations",
        "AWS case stuck for weeks that only the reseller can raise, with an exchange deadline on 3 Dec",
        ("Arjun Mehta", "arjun.mehta@pixelforge.example"),
        "AWS case 171204958800 - no movement in 3 weeks",
        """Hello team,

On 3 November we opened a case with AWS about reserved instances that were bought in the
wrong region (eu-west-2 instead of eu-west-1) by a bug in our automation. AWS support
replied once, said that RI exchanges for accounts under a reseller have to be requested by
the reseller through the partner channel, and has not responded since.

The RIs cost us about USD 14k a month while unused, and the 30-day window they mentioned
for an exchange closes on 3 December. We can't do anything more from our side. Could you
raise it with AWS via your partner support, give me your case reference, and keep pushing?
Happy to join a call.

Case ID on our side: 171204958800.

Thanks,
Arjun
"""
        + sig_en("Arjun Mehta", "Head of Infrastructure", "PixelForge Games Ltd"),
        fmt="utf8-qp",
        batch=H18,
    ),
    M(
        "h18-en-escalations-gdpr-invoices-misdirected.eml",
        "escalations",
        "law firm reports its invoices with personal data went to a third party; formal notice, ICO deadline",
        ("Eleanor Whitcombe", "e.whitcombe@ashby-rowe.example"),
        "Personal data breach - our invoices sent to a third party",
        """Dear Sirs,

We have today been contacted by an unrelated company, Corran Freight Ltd, who received
from your billing system our October and November invoices, including the names and email
addresses of all 62 of our licensed users. Corran Freight say they have been receiving our
invoices since at least October.

This is a personal data breach for which you, as processor, are responsible. We require by
17:00 tomorrow (26 November) written confirmation of how this happened, which other
documents were disclosed, and what you have done to stop it. We are assessing whether to
notify the Information Commissioner's Office within the 72-hour period and will decide on
the basis of your answer.

Please treat this email as formal notice. An automated acknowledgement alone will not be
sufficient.

Eleanor Whitcombe
Partner, Head of Compliance
Ashby & Rowe Solicitors LLP

Ashby & Rowe Solicitors LLP is authorised and regulated by the Solicitors Regulation
Authority (SRA no. 604418). This email is confidential and may be legally privileged. If
you have received it in error please tell us and delete it.
""",
        fmt="html",
        batch=H18,
    ),
    M(
        "h18-en-escalations-ceo-adobe-lapse.eml",
        "escalations",
        "CEO complaint: Adobe licences lapsed a third time at renewal, deadline missed, wants a senior call today",
        ("Victoria Lang", "victoria.lang@langcreative.example"),
        "Third time - Adobe licences lapsed again",
        """To whoever runs your company,

This is the third time this year our Adobe Creative Cloud licences lapsed on the renewal
date because your team did not process the renewal in time. Each time we had paid your
invoice weeks in advance. This morning twelve designers could not open InDesign and we
missed the print deadline for our largest client.

I no longer want to hear from your helpdesk. I expect a call today from someone senior who
can tell me how the licences will be back and why this keeps happening, and I want it in
writing that it will not happen again at the February renewal. We are reviewing whether to
move to Adobe directly.

Victoria Lang
CEO, Lang Creative Agency

Sent from my iPad
""",
        fmt="alt",
        batch=H18,
    ),
    M(
        "h18-en-escalations-sales-fwd-zoom-webinar-event.eml",
        "escalations",
        "our sales rep forwards: paid Zoom Webinar add-on vanished before tomorrow's launch event",
        ("Ben Harlow", "ben.harlow@cloudpartner.example"),
        "Fwd: Webinar licence gone - event tomorrow 9am",
        """Billing/support - can someone pick this up today please, customer is Aldgate Events
(big account, I look after them). They say Zoom dropped their Webinar 1000 add-on
overnight, invoice is paid. I can't fix it from sales, it needs Zoom through the partner
desk asap.

Ben
"""
        + FWD_EN.format(
            sender="Sophie Reyes <sophie.reyes@aldgate-events.example>",
            date="Wednesday, November 25, 2026 8:06 AM",
            to="Ben Harlow <ben.harlow@cloudpartner.example>",
            subject="Webinar licence gone - event tomorrow 9am",
        )
        + """
Ben,

Our Zoom Webinar 1000 licence disappeared from the account last night - the hosts now only
have Meetings. We have a 900-attendee product launch webinar tomorrow at 9:00 GMT,
registrations are closed and the links are out. We renewed in October (invoice
INV-2026-10-0932, paid 14 Oct).

Zoom support chat says the add-on is managed by the reseller and they can't touch it.
Please get this fixed today, we cannot move the event.

Sophie Reyes
Head of Operations, Aldgate Events Ltd
""",
        fmt="utf8-b64",
        batch=H18,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h18-ja-billing-address-change.eml",
        "billing",
        "本社移転に伴う請求書送付先住所の変更依頼のみ",
        ("山本 理恵", "r.yamamoto@kitamura-seiki.example"),
        "請求書送付先変更のお願い",
        """クラウドパートナー株式会社
ご請求担当者様

いつも大変お世話になっております。
北村精機株式会社 総務部の山本でございます。

弊社は12月1日付で本社を下記へ移転いたします。
つきましては、12月以降発行分の請求書(Microsoft 365 および Zoom の月額分)の宛先住所を、
下記へご変更いただけますでしょうか。

【新住所】
〒220-0012 神奈川県横浜市西区みなとみらい 3-6-1 みなとみらいセンタービル 14階

なお、会社名・担当者・お支払方法(口座振替)に変更はございません。
お手数をおかけいたしますが、何卒よろしくお願い申し上げます。
"""
        + sig_ja("北村精機株式会社", "総務部", "山本 理恵", "2218"),
        fmt="iso2022",
        batch=H18,
    ),
    M(
        "h18-ja-billing-invoice-registration-number.eml",
        "billing",
        "インボイス制度の登録番号と税率別税額を記載した請求書の再発行依頼。金額に異議なし",
        ("経理部 小池", "keiri@minato-shoji.example"),
        "適格請求書の登録番号について",
        """お世話になっております。湊商事 経理部の小池です。

10月分の Google Workspace の請求書を拝見しましたが、
適格請求書発行事業者の登録番号(T から始まる番号)の記載が見当たりませんでした。
弊社では登録番号の記載がない請求書は仕入税額控除の対象にできないため、

・登録番号を記載した請求書の再発行
・税率ごとの消費税額の記載

をお願いできますでしょうか。
金額自体には問題ございません。11月末のお支払いは予定どおり行います。

よろしくお願いいたします。
"""
        + sig_ja("湊商事株式会社", "経理部", "小池 健太", "3391"),
        fmt="sjis",
        batch=H18,
    ),
    M(
        "h18-ja-billing-sales-fwd-workspace-quote.eml",
        "billing",
        "営業が転送した見積依頼(Google Workspace 50ライセンス、年額と月額、請求書払い可否)",
        ("佐藤 翔", "sho.sato@cloudpartner.example"),
        "Fwd: Google Workspace 見積のお願い",
        """請求チームの皆さん
お客様から見積依頼です。年額と月額の両方で出してもらえますか。今週中に返したいです。よろしく。
佐藤(営業2課)
"""
        + FWD_JA.format(
            sender="中西 真由美 <nakanishi@aoba-clinic.example>",
            date="2026年11月24日 17:42",
            subject="Google Workspace 見積のお願い",
        )
        + """
佐藤様

いつもお世話になっております。あおばクリニックの中西です。
先日お話しした件、Google Workspace Business Standard を 50 ライセンスで導入した場合の
お見積をお願いできますでしょうか。
年間契約と月間契約で金額がどのくらい違うのかも知りたいです。
また、お支払いは請求書払い(銀行振込)を希望しております。可能でしょうか。

どうぞよろしくお願いいたします。

中西 真由美
医療法人あおば会 あおばクリニック 事務長
""",
        fmt="utf8-8bit",
        batch=H18,
    ),
    M(
        "h18-ja-billing-card-to-invoice-payment.eml",
        "billing",
        "カード払いから請求書払いへの変更手続きを問い合わせ。支払トラブルはなし",
        ("田中 浩二", "k.tanaka@hikari-dental.example"),
        "支払方法の変更について(カード→請求書払い)",
        """ご担当者様

ひかり歯科の田中です。
現在、Microsoft 365 と Adobe Acrobat の利用料をクレジットカードでお支払いしておりますが、
来年1月分から、法人口座からの銀行振込(請求書払い)に切り替えたいと考えております。

・切替に必要な手続き、書類
・締め日と支払期日(当院は月末締め翌月末払いを希望)
・振込手数料の負担

について教えていただけますか。
カードの支払いが止まっているなどの問題は特にありません。
経理を税理士さんにお願いすることになったための変更です。

よろしくお願いします。

田中 浩二
医療法人ひかり歯科 事務局
""",
        fmt="utf8-qp",
        batch=H18,
    ),
    M(
        "h18-ja-billing-renewal-seat-change.eml",
        "billing",
        "督促への返信だが支払済みと確認済み。本題は年次更新時のライセンス減と支払サイクルの質問",
        ("石井 直樹", "n.ishii@seto-kogyo.example"),
        "Re: 【ご連絡】お支払期限のご案内",
        """ご担当者様

お世話になっております。瀬戸工業の石井です。
前回ご連絡いただいた件は11月10日に振込済みで、御社からも入金確認のご連絡をいただいております。
ありがとうございました。

別件で恐縮ですが、Microsoft 365 Business Standard の年間契約が来年2月に更新となります。
更新時にライセンス数を 60 から 45 に減らしたいのですが、いつまでにご連絡すればよいでしょうか。
また、更新後のお支払いは年額一括のみでしょうか、それとも月払いも選べますか。

よろしくお願いいたします。

石井 直樹
瀬戸工業株式会社 情報システム課

> 瀬戸工業株式会社 石井様
> 下記ご請求につきまして、お支払期限を過ぎておりますがご入金が確認できておりません。
> 請求番号: INV-2026-09-4410 金額: 198,000円
> 行き違いの場合はご容赦ください。
> クラウドパートナー株式会社 債権管理担当
""",
        fmt="html",
        batch=H18,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h18-ja-disputes-azure-deleted-vm-billed.eml",
        "disputes",
        "9月末に削除済みの仮想マシン分が10月の Azure 請求に計上されているとして取消・減額を要求",
        ("藤井 大輔", "d.fujii@kagayaki-soft.example"),
        "Azure 10月分のご請求内容について",
        """クラウドパートナー株式会社
ご担当者様

いつもお世話になっております。かがやきソフトの藤井です。

10月分の Azure のご請求(請求番号 INV-2026-10-5120、金額 842,310円)について確認させてください。
通常月は15万円前後で推移しておりますが、今回は約5.6倍となっております。

明細を確認したところ、大半が検証用の仮想マシン(Dv5 シリーズ 8台)の利用料でした。
しかし、これらのリソースは9月30日に削除しており、アクティビティログにも削除の記録が残っております。
10月に存在しないリソースの料金が計上されている理由が分かりません。

つきましては、マイクロソフト側へご確認のうえ、該当分のご請求の取り消しまたは減額をお願いいたします。
確認が取れるまでの間、該当金額のお支払いは保留とさせていただきます。

何卒よろしくお願いいたします。
"""
        + sig_ja("株式会社かがやきソフト", "インフラ部", "藤井 大輔", "4120"),
        fmt="iso2022",
        batch=H18,
    ),
    M(
        "h18-ja-disputes-adobe-billed-after-cancel.eml",
        "disputes",
        "解約完了済みの Adobe が11月も請求され、取消と10月分の返金を求めている",
        ("森 さやか", "mori@hanamizuki-design.example"),
        "解約済みのAdobeについて",
        """お世話になっております。はなみずきデザインの森です。

Adobe Creative Cloud コンプリートプラン(3ライセンス)は9月末で解約の手続きをしていただいたはずですが、
11月の請求書にまた3ライセンス分(23,760円)が載っています。
下に御社からの解約完了のメールを付けておきます。

こちらの請求はお支払いできませんので、取り消していただけますか。
10月分も引き落とされていたので、そちらも返金をお願いします。

森

----- Original Message -----
> はなみずきデザイン 森様
> Adobe Creative Cloud の解約手続きが完了いたしました。
> 9月30日をもってご利用終了となり、以降のご請求は発生いたしません。
> クラウドパートナー株式会社 請求担当
""",
        fmt="sjis",
        batch=H18,
    ),
    M(
        "h18-ja-disputes-zoom-unit-price-vs-quote.eml",
        "disputes",
        "Zoom の請求単価が見積より高く、差額の減額または見積単価での再発行を求めている",
        ("経理課 村上", "murakami@kurashiki-foods.example"),
        "Zoom 請求単価が見積と異なります",
        """ご担当者様

倉敷フーズ 経理課の村上でございます。

11月分の Zoom Business(25ライセンス)のご請求書を受領いたしましたが、
1ライセンスあたりの単価が 3,000円 となっており、
8月にいただいたお見積書(見積番号 Q-2026-0815)の 2,500円 と相違がございます。

差額 12,500円(税抜)につきまして、見積どおりの単価での請求書の再発行、
もしくは差額分の減額をお願いできますでしょうか。
社内規程上、見積と金額が異なる請求書は支払処理ができないため、ご対応をお願いいたします。

見積書と請求書の写しは、必要であればお送りいたします。
"""
        + sig_ja("倉敷フーズ株式会社", "経理課", "村上 美穂", "5802"),
        fmt="utf8-b64",
        batch=H18,
    ),
    M(
        "h18-ja-disputes-trial-auto-converted.eml",
        "disputes",
        "同意なく無料トライアルから有料プランに切り替わった請求を取り消してほしいという申し立て",
        ("大野 拓海", "takumi@onocafe.example"),
        "無料期間のはずでは?",
        """すみません、オオノカフェの大野です。

Slack の無料トライアルを10月にちょっと試しただけなのに、11月に Pro プラン8人分で 10,400円 の請求が来てます。
有料に切り替えるなんて一言も言ってないし、トライアル中にもう使わないと決めて放置してました。
勝手に有料になるなら最初に言ってほしかったです。

この分はナシにしてもらえませんか?カードはまだ引き落とされてないと思います。

大野

iPhoneから送信
""",
        fmt="alt",
        batch=H18,
    ),
    M(
        "h18-ja-disputes-unrequested-upgrade.eml",
        "disputes",
        "保守業者が代理で、依頼していない Premium への変更分の請求訂正と差額返金を求めている",
        ("システムサポート 中村", "nakamura@ms-support-kansai.example"),
        "【代理連絡】エビス運輸様 M365 プラン変更の請求について",
        """クラウドパートナー株式会社
ご請求ご担当者様

いつもお世話になっております。
弊社の保守契約先であるエビス運輸株式会社様の件で、代理でご連絡いたします。

エビス運輸様の10月・11月分のご請求が、Microsoft 365 Business Premium(40ライセンス)で計上されております。
しかし、同社はこれまでどおり Business Standard を利用しており、
Premium へのアップグレードを依頼した記録は、同社にも弊社にもございません。
管理センター上でも、サブスクリプションは Business Standard のままです。

つきましては、Business Standard の単価で請求を訂正いただき、
2か月分の差額を返金(または次回請求で相殺)いただけますよう、お願い申し上げます。
エビス運輸様からは、経緯のご説明も求められております。

お手数ですが、よろしくお願いいたします。
"""
        + sig_ja("関西システムサポート株式会社", "サポート課", "中村 亮", "6634"),
        fmt="utf8-qp",
        batch=H18,
    ),
    # --------------------------------------------------------------- collections (ja)
    M(
        "h18-ja-collections-payment-delay-promise.eml",
        "collections",
        "督促を受けて遅延を詫び、12月4日までの全額振込を約束してサービス継続を願い出ている",
        ("吉田 和夫", "yoshida@yoshida-koumuten.example"),
        "お支払い遅延のお詫び",
        """クラウドパートナー株式会社 御中

いつもお世話になっております。吉田工務店の吉田でございます。

先日、9月分および10月分のご請求(合計 64,680円)について督促のご連絡をいただきました。
お支払いが遅れており、誠に申し訳ございません。

取引先からの入金が遅れている関係で、恐れ入りますが、12月4日(金)までに全額をお振込みさせていただきたく存じます。
それまでの間、メールなどのサービスを止めないでいただけますと大変助かります。

ご迷惑をおかけいたしますが、何卒よろしくお願い申し上げます。

有限会社吉田工務店
代表 吉田 和夫
TEL 0742-55-0188
""",
        fmt="iso2022",
        batch=H18,
    ),
    M(
        "h18-ja-collections-card-expired.eml",
        "collections",
        "カード期限切れで11月分が決済失敗、新カードを登録したので再決済を依頼",
        ("松本 由紀", "y.matsumoto@sakura-hoken.example"),
        "Re: 【重要】クレジットカード決済失敗のお知らせ",
        """ご担当者様

さくら保険事務所の松本です。
ご連絡ありがとうございます。確認したところ、登録していたカードの有効期限が10月で切れていました。
本日、管理画面から新しいカードを登録しましたので、
11月分(Microsoft 365、9,460円)の決済をもう一度お願いできますでしょうか。

ご迷惑をおかけしました。よろしくお願いいたします。

松本 由紀

> 11月分のご利用料金について、ご登録のクレジットカードで決済ができませんでした。
> お手数ですが、お支払い方法をご確認ください。
""",
        fmt="sjis",
        batch=H18,
    ),
    M(
        "h18-ja-collections-kouza-furikae-funou.eml",
        "collections",
        "口座振替が残高不足で不能になり、未払い分の支払方法と振込先を尋ねている",
        ("経理担当 井上", "inoue@tsubame-kikaku.example"),
        "口座振替ができなかった件",
        """お世話になっております。つばめ企画の井上です。

11月20日の口座振替が残高不足でできなかったと銀行から連絡がありました。申し訳ありません。
今月分(Google Workspace と Zoom、合計 31,350円)はどのように支払えばよいでしょうか。
再度の引き落としがあるのか、こちらから振り込むべきなのか教えてください。
振込の場合は振込先もお願いします。

井上
つばめ企画株式会社
""",
        fmt="utf8-b64",
        batch=H18,
    ),
    M(
        "h18-ja-collections-installments-restaurant.eml",
        "collections",
        "4か月分の滞納を分割で払わせてほしい、止めないでほしいという支払相談",
        ("金子 誠", "kaneko@izakaya-kaneko.example"),
        "支払いの相談です",
        """お世話になってます、居酒屋かねこの金子です。

督促のメールを何度ももらっていて、すみません。
夏から売上がかなり落ち込んでいて、7月から10月分の4か月分
(Microsoft 365 と予約用の Google Workspace、全部で 52,800円くらい)がたまってしまっています。

一度に払うのは正直きついので、月に 15,000円 ずつ、4回くらいに分けて払わせてもらえないでしょうか。
11月分からはちゃんと期日通り払います。

予約の管理も全部メールでやっているので、止められると店が回らなくなります。どうかご検討ください。

金子 誠
居酒屋かねこ
""",
        fmt="html",
        status="delinquent",
        batch=H18,
    ),
    M(
        "h18-ja-collections-new-clerk-unpaid-list.eml",
        "collections",
        "前任者宛の支払案内を見落とし8月以降未払いの可能性、未払一覧と振込先を求め今月中に払うと約束",
        ("新井 美咲", "m.arai@shirakawa-trading.example"),
        "未払い分の確認と連絡先メールアドレスの変更について",
        """クラウドパートナー株式会社
ご担当者様

お世話になっております。白川トレーディング 経理部の新井と申します。
10月に前任の佐々木から経理業務を引き継ぎました。

引き継ぎ資料を整理していたところ、御社からのお支払いのご案内が前任者のアドレス宛に届いており、
8月分以降のお支払いが漏れている可能性があることに気付きました。大変申し訳ございません。

つきましては、
1. 現時点での未払いの請求書番号と金額の一覧
2. お振込先
をお送りいただけますでしょうか。確認でき次第、今月中にまとめてお支払いいたします。

また、今後のご請求・お支払いに関するご連絡は、keiri@shirakawa-trading.example 宛にお願いできますと幸いです。

よろしくお願いいたします。
"""
        + sig_ja("白川トレーディング株式会社", "経理部", "新井 美咲", "7710"),
        fmt="utf8-qp",
        batch=H18,
    ),
    # --------------------------------------------------------------- escalations (ja)
    M(
        "h18-ja-escalations-exchange-mail-down.eml",
        "escalations",
        "全社でメール送受信不可、本日15時の入札期限があり、マイクロソフトへのケース起票を依頼",
        ("情報システム部 長谷川", "hasegawa@tokai-denki.example"),
        "【至急】Exchange Online 全社でメール送受信不可",
        """クラウドパートナー株式会社
サポートご担当者様

東海電機 情報システム部の長谷川です。至急のご対応をお願いいたします。

本日 9時15分頃から、全社(約 800名)で Exchange Online のメール送受信ができない状態です。
Outlook、Web 版ともに接続できず、管理センターのサービス正常性には何も表示されておりません。
社内のネットワークや DNS の変更は行っておりません。

本日 15時に主要取引先への入札書類の提出期限があり、メールが使えないと業務が止まります。
マイクロソフトへ問い合わせていただき、ケース番号をご連絡ください。
携帯 090-5555-3187 までお電話いただいても構いません。

※請求・お支払いに関する問題はございません。
"""
        + sig_ja("東海電機株式会社", "情報システム部", "長谷川 修", "3187"),
        fmt="iso2022",
        batch=H18,
    ),
    M(
        "h18-ja-escalations-ms-case-no-progress.eml",
        "escalations",
        "マイクロソフトのケースが2週間放置、パートナー経由でしか動かないため働きかけを依頼",
        ("岡田 恵", "m.okada@minami-kensetsu.example"),
        "マイクロソフトのサポートケースが2週間進んでいません",
        """お世話になっております。南建設 総務部の岡田です。

11月10日に Microsoft 365 のドメイン切替(旧ドメインから新ドメインへの移行)で不具合が発生し、
マイクロソフトにサポートケース(番号 2611100040012345)を起票しましたが、
それ以降、担当者からの連絡が途絶えております。
こちらから何度問い合わせても「パートナー経由でお問い合わせください」との回答でした。

旧ドメイン宛のメールが一部届かない状態が続いており、取引先からも苦情が出ています。
御社のパートナー窓口からマイクロソフトに働きかけていただけないでしょうか。
進捗が分かりましたらご連絡をお願いいたします。
"""
        + sig_ja("南建設株式会社", "総務部", "岡田 恵", "2046"),
        fmt="sjis",
        batch=H18,
    ),
    M(
        "h18-ja-escalations-adobe-licences-removed.eml",
        "escalations",
        "支払済みなのにリセラー操作で Adobe ライセンスが全員分外れ、本日18時納品に間に合わない",
        ("青木 俊介", "aoki@studio-lumen.example"),
        "Adobeのライセンスが全員分外れています(本日納品)",
        """クラウドパートナー 御中

スタジオルーメンの青木です。取り急ぎご連絡します。

今朝から、Adobe Creative Cloud のライセンスが社内デザイナー 20名全員分外れています。
Admin Console を見ると、昨日の夜に「リセラーによって削除」と履歴が出ています。
こちらでは何も操作しておらず、10月分の請求も支払済みです。

本日 18時にクライアントへの納品があり、このままでは間に合いません。
大至急、Adobe 側と確認して元に戻していただけないでしょうか。
状況が分かり次第、電話(03-5555-7781)をください。

青木 俊介
株式会社スタジオルーメン 制作部 マネージャー
""",
        fmt="utf8-8bit",
        batch=H18,
    ),
    M(
        "h18-ja-escalations-legal-action-overbilling.eml",
        "escalations",
        "4回の申し入れに回答がないとして代表宛に期限付きで法的措置を予告する法務部の最終通知",
        ("法務部 西村", "legal@marunaka-sangyo.example"),
        "ご請求に関する再三の申し入れについて(最終のご連絡)",
        """クラウドパートナー株式会社
代表取締役 殿

丸中産業株式会社 法務部の西村でございます。

弊社は本年8月以降、Azure 利用料の過大請求(約 230万円)について、
貴社ご担当窓口に計4回、書面およびメールにて是正を申し入れてまいりましたが、
現在に至るまで具体的なご回答をいただいておりません。

本書をもって最終のご連絡といたします。
11月30日までに、責任者による書面でのご回答がない場合、弊社顧問弁護士と協議のうえ、
内容証明郵便の送付を含む法的措置を検討いたします。

なお、本件に関する弊社の窓口は、今後は法務部とさせていただきます。
"""
        + sig_ja("丸中産業株式会社", "法務部", "西村 達也", "9012"),
        fmt="utf8-b64",
        batch=H18,
    ),
    M(
        "h18-ja-escalations-workspace-admin-compromised.eml",
        "escalations",
        "管理者アカウント乗っ取りの疑いと不正なライセンス購入。Google への報告と取消を至急依頼",
        ("IT担当 小林", "kobayashi@hoshino-kk.example"),
        "管理者アカウント不正ログインの疑い/身に覚えのないライセンス追加",
        """ご担当者様

星野工業の小林です。緊急でご相談です。

本日未明、Google Workspace の特権管理者アカウントに海外の IP アドレスからのログインがあり、
その直後に Business Plus のライセンスが 200 件追加購入され、見知らぬユーザーが 30 名作成されていました。
パスワードは変更し、不審なユーザーは停止しましたが、ライセンスの購入は管理画面から取り消せません。

・Google への不正アクセスの報告と調査依頼
・追加されたライセンスの取り消し(請求が発生しないように)

を至急お願いできますでしょうか。社内では情報漏えいの可能性も含めて調査を始めています。

小林 拓也
星野工業株式会社 総務部 IT担当
""",
        fmt="alt",
        batch=H18,
    ),
]
