"""Held-out batch 15 of the routing corpus (see make_routing_holdout.py), written BLIND on
2026-11-25: config/rules.toml, ticketing/rules.py, the rules tests and every earlier
routing mail stayed closed while writing, and the router was never run on these mails.
Each label is the queue a competent billing-support lead would pick from the NEW text of
the mail (quoted history is background). All four queues, ten each, half English and half
Japanese. The emphasis is the everyday, unglamorous mail of a reseller's billing desk:
small businesses, schools, clinics, municipalities, NGOs and IT outsourcers writing for
their clients; short mails sent from phones, the real request at the end after small talk,
replies under our own quoted mail, forwarded vendor and bank notices with one line on top,
accountants asking about VAT and consumption tax (インボイス制度), refunds, renewals,
exchange rates, reminders the customer disagrees with, payment plans, failed debits,
suspensions for non-payment next to vendor-side lockouts, and angry executives.

- "holdout-15": measured ONCE, untouched, after it was written; only then may the rules be
  tuned on it. Do not edit these mails to suit the rules.
"""

from __future__ import annotations

from make_routing_fixtures import M, sig_en, sig_ja

H15 = "holdout-15"

HOLDOUT_15: list[M] = [
    # ------------------------------------------------------------------ billing (en)
    M(
        "h15-en-billing-vat-number-missing.eml",
        "billing",
        "an accountant asks which entity bills them and for the VAT number on the invoice;"
        " a tax question, nothing contested",
        ("Orla Brennan", "accounts@brennan-oshea-architects.example"),
        "VAT on invoice INV-2026-11873 - reverse charge?",
        """Hi,

I do the books for Brennan O'Shea Architects (small practice, 6 of us, Cork). Going
through November's purchase invoices and yours, INV-2026-11873, has Irish VAT at 23% on
the Microsoft 365 line.

Our previous provider billed this under reverse charge because they invoiced from the
Netherlands. Are you invoicing from an Irish entity now? That's fine if so, but then your
VAT number needs to be on the invoice and at the moment it isn't. Revenue will want it
if we reclaim the input VAT.

Could you confirm which company issues the invoices and send me a copy with the VAT
number on it? No rush before the 15th.

Thanks,
Orla

Orla Brennan ACCA
Brennan O'Shea Architects | accounts
""",
        fmt="utf8-qp",
        batch=H15,
    ),
    M(
        "h15-en-billing-credit-note-for-seat-reduction.eml",
        "billing",
        "a school bursar accepts the lower invoice and only asks for a credit note document"
        " for the auditors",
        ("Gillian Hart", "bursar@st-aldhelms-primary.example"),
        "Credit note for the student licences we removed?",
        """Good afternoon,

At half term we reduced our A3 student licences from 210 to 185 because Year 6 moved on
to the shared devices. I can see the lower number on the November invoice, so thank you,
that part is fine.

What I cannot find is any paperwork for the part of October we had already paid for in
advance. Will you issue a credit note for the 25 licences, or is it simply netted off the
next invoice? The auditors like to see a separate document, and our finance system won't
let me book a negative line without one.

If it is netted off, a short letter on your headed paper explaining the calculation
would do just as well.

Many thanks,
Gillian Hart
School Business Manager
St Aldhelm's C of E Primary School
""",
        fmt="alt",
        batch=H15,
    ),
    M(
        "h15-en-billing-usd-fx-nzd.eml",
        "billing",
        "an NGO asks why the converted amount moved and whether it can be billed in NZD",
        ("Tama Walker", "tama.walker@kaitiaki-trust.example"),
        "exchange rate?",
        """Hi there, quick one. Our invoice this month is in USD and the bank converted it at
0.5712, last month's came out nearly 20 bucks cheaper for the same seats. Is the price
fixed in USD and we just wear the FX? Any chance you could bill us in NZD from January?
Our treasurer is asking

Tama

Sent from my iPhone
""",
        batch=H15,
    ),
    M(
        "h15-en-billing-renewal-quote-increase.eml",
        "billing",
        "asks why a renewal quote is 9% higher and about term and payment options before"
        " signing; nothing has been charged yet",
        ("Denise Kowalczyk", "practice.manager@harbourside-family-clinic.example"),
        "Renewal quote - why 9% higher?",
        """Hello,

We received the renewal quote for our Microsoft 365 Business Premium (32 users) and the
Defender add-on, renewing on 1 January. The per-user price has gone from USD 22.00 to
USD 24.00 and the total is about 9% higher than this year.

Before I take it to the partners on Thursday, could you tell me:
- is this a Microsoft price change or a change in your own pricing?
- if we sign a 3-year term now, is the price fixed for the whole term?
- can we still pay monthly on an annual commitment, or is it upfront only now?

We're happy with the service, I just need to be able to explain the increase.

Regards,
Denise Kowalczyk
Practice Manager
Harbourside Family Clinic
""",
        fmt="html",
        batch=H15,
    ),
    M(
        "h15-en-billing-card-expiring-after-smalltalk.eml",
        "billing",
        "after a paragraph of small talk, the one request is how to update the card on file"
        " before it expires",
        ("Marco Bellini", "marco@bellini-joinery.example"),
        "Thanks + one thing",
        """Hi Sarah,

Thanks again for sorting the shared mailbox for the workshop lads last week, they've
finally stopped texting me photos of delivery notes. And sorry I missed your call on
Monday, we had a site visit in Bristol all day and then the van packed up on the M5, of
course.

Hope it's calm at your end before Christmas. We're doing our do on the 19th, same pub as
last year, you'd be very welcome.

Anyway, the actual reason I'm writing: the Barclaycard you have on file for us runs out
at the end of this month (the new one came yesterday). How do I get the new card details
to you? I'd rather not put the number in an email. Don't want the December payment to
bounce.

Cheers,
Marco

Bellini Joinery Ltd
""",
        fmt="utf8-b64",
        batch=H15,
    ),
    # ------------------------------------------------------------------ billing (ja)
    M(
        "h15-ja-billing-qualified-invoice-number.eml",
        "billing",
        "経理がインボイス制度の登録番号の記載と再発行を求める税務上の質問で、金額は争っていない",
        ("中村 由美", "y-nakamura@kosaka-seimitsu.example.jp"),
        "適格請求書発行事業者登録番号の記載について",
        """株式会社クラウドパートナー
請求ご担当者様

いつもお世話になっております。
小坂精密工業株式会社 経理部の中村でございます。

毎月お送りいただいている請求書について、1点確認させてください。

11月分の請求書（請求番号 CP-2611-0457）を拝見したところ、適格請求書発行事業者の登録番号（T＋13桁）の記載が見当たりませんでした。
インボイス制度の開始以降、弊社では登録番号の記載がない請求書は仕入税額控除の処理ができず、監査法人からも確認を求められております。

つきましては、
・貴社の登録番号をご教示いただけますでしょうか。
・今後の請求書に、登録番号と税率ごとの消費税額を記載いただくことは可能でしょうか。
・可能であれば、11月分について登録番号入りの請求書を再発行いただけますと幸いです。

お手数をおかけいたしますが、よろしくお願い申し上げます。
"""
        + sig_ja("小坂精密工業株式会社", "経理部", "中村 由美", "2231"),
        fmt="iso2022",
        batch=H15,
    ),
    M(
        "h15-ja-billing-consumption-tax-rounding.eml",
        "billing",
        "顧問税理士事務所が消費税の端数処理の方法を尋ねるだけで、異議はないと明言している",
        ("佐藤 健太", "sato@yamagishi-kaikei.example.jp"),
        "顧問先の請求書の消費税計算について（有限会社みどり造園様）",
        """ご担当者様

突然のご連絡失礼いたします。
有限会社みどり造園様の顧問をしております、山岸会計事務所の佐藤と申します。
先方の社長の了承をいただいたうえでご連絡しております。

貴社発行の10月分請求書について、明細行ごとの消費税を合計した金額と、税抜合計に10％を掛けた金額とで1円の差が出ております。
（明細行の消費税の合計 4,571円 ／ 税抜合計 45,720円 × 10％ ＝ 4,572円）

金額に異議があるわけではなく、帳簿上どちらの方法で計算されているのかを確認したいだけです。
インボイス制度では、端数処理は一の適格請求書につき税率ごとに1回と理解しておりますが、貴社の請求書の計算方法をご教示いただけますでしょうか。

よろしくお願いいたします。

山岸会計事務所
税理士補助 佐藤 健太
TEL 048-555-0192
""",
        fmt="sjis",
        batch=H15,
    ),
    M(
        "h15-ja-billing-promised-refund-not-arrived.eml",
        "billing",
        "当社が約束した返金がまだ届かず、返金方法と明細を尋ねている。請求自体は争っていない",
        ("大西 恵", "office@hidamari-npo.example.jp"),
        "Re: ご返金について",
        """ご担当者様

お世話になっております。NPO法人ひだまりの大西です。

先月こちらのメールで「11月中旬までにご返金いたします」とご連絡いただいた件ですが、
本日時点で当法人の口座にまだ入金が確認できておりません。

返金はクレジットカードへの返金でしょうか、それとも銀行振込でしょうか。
カードの場合は明細に反映されるまで時間がかかると聞きましたので、どちらか教えていただければ会計に説明できます。
また、返金明細書のようなものを発行していただけると助かります。

よろしくお願いします。

大西

> 大西様
>
> いつもお世話になっております。クラウドパートナー請求窓口の森です。
> 10月に解約されたGoogle Workspace 3ライセンス分の日割り返金（6,270円）を承りました。
> 11月中旬までにご返金いたします。
""",
        batch=H15,
    ),
    M(
        "h15-ja-billing-town-switch-to-invoice-payment.eml",
        "billing",
        "町役場が支払方法の請求書払いへの変更、見積書、請求のまとめ方を相談している",
        ("岡田 翔", "joho@town-mihama.example.lg.jp"),
        "支払方法の変更（請求書払い）と見積書の宛名について",
        """株式会社クラウドパートナー 御中

お世話になっております。美浜町役場 総務課 情報係の岡田です。

現在、職員用のMicrosoft 365をクレジットカード（職員の立替）でお支払いしておりますが、会計課から指摘があり、来年度（令和9年4月）からは請求書払い（口座振込）に切り替える必要があります。

つきましては、以下についてご確認させてください。
1. 請求書払いへの変更は可能でしょうか。手続きに必要な書類があれば教えてください。
2. 予算要求に使うため、令和9年度分（12か月分）の見積書をいただけますでしょうか。宛名は個人名ではなく「美浜町役場」でお願いします。
3. 請求書は毎月ではなく、四半期ごとにまとめていただくことはできますか。

お忙しいところ恐縮ですが、12月10日頃までにご回答いただけると助かります。

美浜町役場 総務課 情報係
岡田 翔
TEL 0770-55-0134
""",
        fmt="utf8-b64",
        batch=H15,
    ),
    M(
        "h15-ja-billing-new-address-receipts.eml",
        "billing",
        "過去の異議の結果に礼を述べたうえで、新しい住所への宛先変更と領収書の再発行を頼んでいる",
        ("小林 千尋", "kobayashi@sunrise-butsuryu.example.jp"),
        "Re: 【クラウドパートナー】9月分ご請求の件（調査結果のご報告）",
        """森様

ご対応ありがとうございました。差額分の件、承知いたしました。社内にも共有済みです。

別件で恐縮ですが、弊社は12月1日付で本社を移転いたします。
新住所：〒103-0027 東京都中央区日本橋3-8-2 日本橋サウスビル7F

12月以降の請求書・領収書の宛先を新住所に変更していただけますでしょうか。
あわせて経理から、10月分・11月分の領収書を新住所で再発行してほしいと依頼がありました（旧住所のままだと保管上困るとのことです）。PDFで結構です。

よろしくお願いいたします。

株式会社サンライズ物流 総務部
小林

-----Original Message-----
From: クラウドパートナー 請求窓口 森
Sent: 2026年11月20日 14:02
Subject: 【クラウドパートナー】9月分ご請求の件（調査結果のご報告）

> 小林様
>
> 9月分のご請求について異議をお申し立ていただいた件、ベンダーでの調査が完了しました。
> 二重に計上されていた2ライセンス分（5,940円）は、10月分のご請求で相殺済みです。
> ご迷惑をおかけし申し訳ございませんでした。
""",
        fmt="alt",
        batch=H15,
    ),
    # ------------------------------------------------------------------ disputes (en)
    M(
        "h15-en-disputes-charged-twice-bakery.eml",
        "disputes",
        "the same monthly charge was taken twice and she wants one of them put back",
        ("Kat Nguyen", "kat@crumb-and-co.example"),
        "charged twice??",
        """Hi, just looked at the business card statement and you've taken £86.40 twice on
3 Nov, same reference CP-UK-55102 both times. We only have the 4 mailboxes. Can you put
one of them back please, that's a lot for us this month.

Kat
Crumb & Co Bakery

Sent from my iPhone
""",
        batch=H15,
    ),
    M(
        "h15-en-disputes-reminder-for-cancelled-licences.eml",
        "disputes",
        "answers our payment reminder by refusing a charge for licences cancelled in writing"
        " and asks for the invoice to be withdrawn",
        ("Hamish Drummond", "hamish@drummond-surveying.example"),
        "RE: Payment reminder - invoice INV-2026-10442 overdue",
        """Hello,

I'm not paying this one and I'd ask you to stop sending reminders for it. We cancelled
the Dynamics 365 Sales licences in writing on 12 September (your colleague Ben
confirmed it the same day, I have the email). INV-2026-10442 charges us for October for
those same five licences, GBP 462.00.

Please withdraw the invoice, or take it up with Microsoft if it's their system that
didn't process the cancellation. I'll happily pay for our Business Standard seats as
soon as you send an invoice that doesn't include the Dynamics line.

Hamish Drummond
Director, Drummond Surveying Ltd

From: Cloud Partner Billing <billing@cloudpartner.example>
Sent: 24 November 2026 09:15
To: Hamish Drummond
Subject: Payment reminder - invoice INV-2026-10442 overdue

Dear customer,

Our records show that invoice INV-2026-10442 (GBP 1,148.60, due 31 October 2026) remains
unpaid. Please arrange payment within 7 days to avoid interruption of your services. If
you have already paid, please disregard this message.
""",
        fmt="utf8-qp",
        status="delinquent",
        batch=H15,
    ),
    M(
        "h15-en-disputes-msp-dental-seat-overcharge.eml",
        "disputes",
        "an IT outsourcer shows the client is billed for 25 seats after reducing to 18 and"
        " wants the overcharge credited",
        ("Raj Patel", "raj@northgate-it.example"),
        "Client: Brightsmile Dental - billed for 25 seats, they have 18",
        """Hi team,

Writing on behalf of our client Brightsmile Dental (tenant
brightsmiledental.onmicrosoft.com, your account no. 40-11873).

On 2 October we removed 7 Business Premium licences after they closed the Westfield
surgery. The admin centre has shown 18 assigned / 18 purchased ever since (I can send a
screenshot). Your November invoice INV-2026-11502 still bills 25 seats at USD 22.00, so
they've been overcharged USD 154.00 for November, and I suspect part of October too.

The practice owner has asked me to get the overcharge credited back, not just fixed
going forward. Can you raise it with Microsoft or correct it yourselves, and let me know
the amount and which invoice the credit lands on?
"""
        + sig_en("Raj Patel", "Service Desk Lead", "Northgate IT Services"),
        fmt="html",
        batch=H15,
    ),
    M(
        "h15-en-disputes-renewal-increase-never-notified.eml",
        "disputes",
        "rejects a price increase already invoiced at renewal without notice and asks for"
        " re-issue at last year's price",
        ("Helen Marsh", "h.marsh@marsh-lettings.example"),
        "November invoice - price increase we never agreed to",
        """Hi,

Our annual renewal went through on 1 November and the invoice is £3,960 against £3,420
last year, for exactly the same 15 users. Nobody told us about a price change: no email,
no renewal quote, nothing. I've checked our shared inbox and the spam folder.

I'm not refusing to pay for the service, but I don't accept the increase. We should have
been given notice so that we could decide. Please re-issue the invoice at last year's
price. If that isn't possible I'd like to understand our options for cancelling within
the renewal window, because frankly this has put me off.

Helen Marsh
Office Manager
Marsh Lettings & Property Management
""",
        fmt="alt",
        batch=H15,
    ),
    M(
        "h15-en-disputes-eur-rate-against-contract.eml",
        "disputes",
        "contests the EUR conversion rate on an invoice against the contract's fixed rate and"
        " withholds the difference",
        ("Jonas Weber", "j.weber@weber-logistik.example"),
        "Invoice INV-2026-11690 - wrong conversion rate",
        """Dear Sirs,

according to our contract from March (Annex 2, point 4) the USD price list is converted
to EUR with the fixed rate 0.92 for the whole year 2026. On the invoice INV-2026-11690
you have used 0.9614, it says "ECB rate 31.10.2026". The difference is EUR 318,78 on this
invoice only.

We ask you to correct the invoice to the contractual rate and to send us a credit note
for the difference. Until then our accounting will pay only the undisputed part of
EUR 7.084,00.

Please confirm the receipt of this complaint.
"""
        + sig_en("Jonas Weber", "Head of Controlling", "Weber Logistik GmbH"),
        fmt="utf8-b64",
        batch=H15,
    ),
    # ------------------------------------------------------------------ disputes (ja)
    M(
        "h15-ja-disputes-teams-phone-never-ordered.eml",
        "disputes",
        "歯科医院が申し込んでいないTeams電話の請求行の取り消しを求め、他の行は払うと言っている",
        ("高橋 さおり", "jimu@takahashi-shika.example.jp"),
        "申し込んでいないオプションの請求について",
        """クラウドパートナー 御中

いつもお世話になっております。たかはし歯科の高橋です。

11月分の請求書に「Microsoft Teams Phone Standard 5ライセンス 6,450円」という項目が入っておりました。
当院の電話は固定電話だけで、Teamsの電話を申し込んだ覚えはありません。院長とスタッフにも確認しましたが、誰も手続きしていないとのことです。

申し訳ありませんが、この項目の請求は取り消していただけますでしょうか。
もしこちらから申し込んだ記録があるのでしたら、その記録を見せていただければと思います。

それ以外の項目（Business Basic 6名分）は問題ありませんので、期日までにお振込みいたします。

よろしくお願いいたします。

医療法人社団 たかはし歯科
事務 高橋 さおり
TEL 045-555-0873
""",
        fmt="iso2022",
        batch=H15,
    ),
    M(
        "h15-ja-disputes-reminder-amount-differs-from-quote.eml",
        "disputes",
        "督促への返信だが、見積書と違う金額を争い訂正した請求書を求めている。払う意思はある",
        ("吉田 真理子", "yoshida@maruei-shoji.example.jp"),
        "督促状の金額について",
        """ご担当者様

丸栄商事 経理課の吉田です。

本日、10月分のご請求（請求番号 CP-2610-0981）について「お支払いのお願い」が届きましたが、記載の金額 198,000円（税込）は、8月にいただいた見積書（見積番号 Q-2608-122）の 165,000円（税込）と異なります。

差額の33,000円は、見積の際に「初年度は無償」とご説明いただいた導入支援費ではないかと思われます。
見積書どおりの金額であればすぐにでもお支払いする用意がございますが、現在の金額では社内の支払承認が下りません。

見積書の内容に沿って請求書を訂正のうえ、再発行していただけますでしょうか。
訂正後の請求書を受領しましたら、5営業日以内にお支払いいたします。

見積書のPDFが必要でしたらお送りします。

株式会社丸栄商事
経理課 吉田 真理子
""",
        fmt="sjis",
        batch=H15,
    ),
    M(
        "h15-ja-disputes-trial-charged-without-notice.eml",
        "disputes",
        "無料トライアルのはずが予告なく課金され、その引き落とし分の返金を求めている",
        ("松尾 あゆみ", "matsuo@kodomoshokudo-kq.example.jp"),
        "無料期間のはずが課金されています",
        """クラウドパートナーさま

こども食堂ネットワーク北九州の松尾です。いつもありがとうございます。

9月にご案内いただいた「非営利団体向け Google Workspace 60日間無料トライアル」を使っていたのですが、今月カードの明細を見たら、11月8日に 16,320円 が引き落とされていました。
トライアルが終わる前にご連絡をいただけると聞いていたのですが、メールも電話もなかったと思います。

ボランティア中心の団体で予算がとても限られているので、この引き落とし分は返金していただけないでしょうか。
続けるかどうかは12月14日の理事会で決めて、改めてご連絡します。それまでは無料のプランに戻しておいていただくことはできますか。

お手数ですがよろしくお願いします。

一般社団法人 こども食堂ネットワーク北九州 事務局
松尾 あゆみ
""",
        fmt="utf8-qp",
        batch=H15,
    ),
    M(
        "h15-ja-disputes-old-tenant-still-billed.eml",
        "disputes",
        "委託先のIT業者が、解約受付済みの旧テナント分が二重に請求されていると指摘し外すよう求めている",
        ("木村 大輔", "kimura@nextlink-it.example.jp"),
        "【お客様代理】テナント移行後の請求について（株式会社あおば設計様）",
        """クラウドパートナー 請求ご担当者様

いつもお世話になっております。ネクストリンクの木村です。
弊社が運用を受託している株式会社あおば設計様の件でご連絡いたします。

10月末に、あおば設計様のMicrosoft 365を旧テナント（aobasekkei-old.onmicrosoft.com）から新テナント（aobasekkei.onmicrosoft.com）へ移行しました。
移行完了後の11月1日に、旧テナントのサブスクリプション（Business Standard 12ライセンス）の解約を貴社にご依頼し、11月2日に受付完了のメールをいただいております。

ところが11月分の請求書では、旧テナント・新テナントの両方で12ライセンスずつ請求されており、旧テナント分の 21,120円（税抜）が重複しています。

旧テナント分は11月の請求から外していただけますでしょうか。
ベンダー側で解約処理が漏れている可能性もあるかと思いますので、必要であれば受付完了メールを転送いたします。

よろしくお願いいたします。

株式会社ネクストリンク
カスタマーサポート部 木村 大輔
""",
        fmt="html",
        batch=H15,
    ),
    M(
        "h15-ja-disputes-clinic-cancelled-in-window.eml",
        "disputes",
        "更新後7日以内に電話でキャンセルしたのに年額が全額請求されたとして、その請求を受け入れないと言っている",
        ("井上 誠", "inoue@sakura-naika.example.jp"),
        "年間契約の更新分のご請求について",
        """クラウドパートナー ご担当者様

さくら内科クリニック事務長の井上です。

11月4日に更新された Microsoft 365 の年間契約ですが、11月8日にお電話で「更新はしないので、キャンセルしてほしい」とお伝えしています。対応してくださった方（たしか田中さん）からは「更新から7日以内なのでキャンセルできます」と言われました。

ところが本日届いた請求書には、年間分の 190,080円 が全額載っています。

期間内に連絡していますので、この請求は受け入れられません。請求書を取り下げていただき、キャンセルが正しく処理されているかも確認してください。
電話の日時は院の通話履歴で確認できます（11月8日 10時42分、約6分）。

さくら内科クリニック
事務長 井上
""",
        batch=H15,
    ),
    # ------------------------------------------------------------------ collections (en)
    M(
        "h15-en-collections-charity-payment-plan.eml",
        "collections",
        "a charity admits three unpaid invoices and proposes an instalment plan",
        ("Amara Okafor", "finance@bridgeway-refugee-support.example"),
        "Overdue invoices - can we agree a payment plan?",
        """Dear Billing team,

I'm the part-time finance officer at Bridgeway Refugee Support. I'm aware we have three
invoices outstanding with you (September, October and November, GBP 1,284.00 in total)
and I'm sorry we haven't been in touch sooner.

Our main grant from the city council was due in September and has been delayed until the
end of January. We do want to keep our Microsoft 365 accounts: our caseworkers depend on
them.

Would you accept GBP 300 now, then GBP 328 on the 15th of December, January and
February? I can set up the standing orders today if you agree. If you need something in
writing from our chair, I can get that this week.

Thank you for your patience,
Amara Okafor
Finance Officer
Bridgeway Refugee Support (registered charity)
""",
        status="delinquent",
        batch=H15,
    ),
    M(
        "h15-en-collections-direct-debit-bounced.eml",
        "collections",
        "after our reminder she forwards the bank's unpaid direct debit notice and asks how to"
        " pay the missed amount now",
        ("Lisa Grant", "office@grant-and-sons-plumbing.example"),
        "Fwd: Direct Debit unpaid - Cloud Partner Ltd",
        """Got your reminder this morning and then found this from the bank in the spam folder.
We changed banks in October and I forgot you were still on the old account, sorry! What's
the quickest way to pay the £214.80 now, can I just do a bank transfer and what reference
do I use? I've filled in your mandate form again for the new account.

Lisa
Grant & Sons Plumbing and Heating

---------- Forwarded message ---------
From: Lloyds Bank <noreply@alerts.lloydsbank.example>
Date: Fri, 20 Nov 2026 at 06:12
Subject: Direct Debit unpaid - Cloud Partner Ltd
To: office@grant-and-sons-plumbing.example

Your Direct Debit payment of £214.80 to CLOUD PARTNER LTD (reference CP-UK-48271) due on
20/11/2026 has not been paid because the account has been closed. Please contact the
company to arrange another way to pay.
""",
        fmt="utf8-qp",
        batch=H15,
    ),
    M(
        "h15-en-collections-msp-forwards-disabled-notice.eml",
        "collections",
        "the subscription was disabled for non-payment; the client has now paid the overdue"
        " invoices and asks for it to be switched back on",
        ("Tom Reilly", "tom.reilly@keystone-managed.example"),
        "FW: Your Microsoft 365 subscription has been disabled - Corrib Accountancy",
        """Corrib Accountancy paid the two overdue invoices on Friday (EFT ref CORRIB-NOV,
EUR 2,310.00), their bookkeeper just confirmed it to me. Can you get them switched back on
today please, they're locked out of Outlook in the middle of month-end.

Tom

Tom Reilly | Keystone Managed Services

-----Original Message-----
From: Microsoft 365 <o365mc@microsoft.example>
Sent: Tuesday, November 24, 2026 7:02 AM
To: admin@corribaccountancy.example
Subject: Your Microsoft 365 subscription has been disabled

Your subscription Microsoft 365 Business Standard has been disabled by your partner.
Users can no longer sign in to Office apps and services. Your data will be kept for
90 days. To reactivate the subscription, contact your partner.
""",
        fmt="alt",
        status="suspended",
        batch=H15,
    ),
    M(
        "h15-en-collections-school-final-notice-board-date.eml",
        "collections",
        "after small talk, the school confirms the overdue invoices will be paid after the"
        " board meeting and asks us not to cut access before then",
        ("Dave Kessler", "dkessler@pinecrest-usd.example"),
        "Re: FINAL NOTICE - Account 30-22914",
        """Hi Megan, sorry for the slow reply, it's been parent-teacher conferences all week and
I've barely been at my desk. Also congrats on the new job title, saw it on LinkedIn!

Re the final notice: yes we know, the two invoices got stuck because the PO had expired
in June and nobody caught it. New PO is approved and the check run after the board
meeting on Dec 10 includes both of them ($8,412.50). Please please don't switch off the
student Google accounts before then, it's finals week.

Dave

Sent from my iPhone
""",
        fmt="utf8-b64",
        batch=H15,
    ),
    M(
        "h15-en-collections-town-remittance-partial.eml",
        "collections",
        "a town's payables office pays two overdue invoices, says when the third follows and"
        " asks for the remaining balance; it contests nothing",
        ("Carla Mendes", "ap@westbury-town.example"),
        "Remittance advice / statement query - vendor 20417",
        """Good morning,

Please find below the remittance details for payments released in today's ACH run:

Invoice INV-2026-09318    USD 3,875.00
Invoice INV-2026-10027    USD 3,875.00
Total                     USD 7,750.00

Invoice INV-2026-10866 (USD 3,875.00) is not included in this run. It reached us without
a purchase order number and is on hold in our system; it will be paid in the next cycle
(December 9) once our IT department provides the PO. We are not questioning the amount.

Could you please send an updated statement of account showing the balance remaining
after today's payment, and confirm that the account will no longer be flagged as
overdue for the September and October invoices?
"""
        + sig_en("Carla Mendes", "Accounts Payable Clerk", "Town of Westbury, Finance Department"),
        fmt="html",
        batch=H15,
    ),
    # ------------------------------------------------------------------ collections (ja)
    M(
        "h15-ja-collections-builder-pay-on-25th.eml",
        "collections",
        "工務店が2か月分の支払遅延を詫び、支払日を約束して停止しないよう頼んでいる",
        ("林 雅之", "hayashi@hayashi-koumuten.example.jp"),
        "お支払いが遅れており申し訳ありません",
        """クラウドパートナー 御中

お世話になっております。はやし工務店の林です。

9月分・10月分のご請求（合計 39,600円）のお支払いが遅れており、大変申し訳ございません。
元請けからの入金が12月にずれ込んでしまい、資金繰りが厳しくなっておりました。

12月25日には必ず全額をお振込みいたしますので、それまでメールが使えなくなることのないよう、ご配慮いただけないでしょうか。
現場とのやり取りがほとんどメールなので、止まってしまうと仕事になりません。

ご迷惑をおかけしますが、何卒よろしくお願いいたします。

有限会社はやし工務店
林 雅之
TEL 0263-55-0418
""",
        fmt="iso2022",
        batch=H15,
    ),
    M(
        "h15-ja-collections-welfare-three-instalments.eml",
        "collections",
        "社会福祉法人が3か月分の未払いを認め、3回の分割払いを申し出ている",
        ("前田 久美子", "maeda@ayumikai.example.jp"),
        "未払い分のお支払い方法についてのご相談",
        """株式会社クラウドパートナー
ご担当者様

いつも大変お世話になっております。
社会福祉法人あゆみ会 法人本部の前田でございます。

先日お電話をいただきました、8月から10月分のご利用料金（合計 427,680円）の件でご連絡いたしました。
担当者の退職に伴う引き継ぎがうまくできておらず、お支払いが滞っておりましたこと、心よりお詫び申し上げます。

誠に勝手ながら、一括でのお支払いが難しい状況のため、12月から来年2月までの3回に分けてお支払いさせていただくことは可能でしょうか。
（12月末 142,560円、1月末 142,560円、2月末 142,560円を想定しております）

なお、11月分以降のご請求につきましては、期日どおりにお支払いいたします。

ご検討のほど、何卒よろしくお願い申し上げます。
"""
        + sig_ja("社会福祉法人 あゆみ会", "法人本部 総務課", "前田 久美子", "4410"),
        fmt="sjis",
        batch=H15,
    ),
    M(
        "h15-ja-collections-pharmacy-debit-failed.eml",
        "collections",
        "残高不足で口座振替ができなかった11月分を、どう支払えばよいか尋ねている",
        ("小田 ひろみ", "oda@oda-yakkyoku.example.jp"),
        "口座振替ができなかったとの通知について",
        """クラウドパートナー 様

小田薬局の小田です。
「口座振替不能のお知らせ」のハガキが届きました。11月分の 8,580円 が引き落とせなかったとのこと、申し訳ありません。残高不足でした。

この分は、もう一度引き落としになるのでしょうか。それとも、こちらから振り込んだ方がいいですか？
振込の場合は振込先と期限を教えてください。今週中には対応できます。

よろしくお願いします。

小田薬局
小田 ひろみ
""",
        fmt="utf8-qp",
        batch=H15,
    ),
    M(
        "h15-ja-collections-suspended-paid-yesterday.eml",
        "collections",
        "未払いで停止された顧客が昨日振り込んだと伝え、停止の解除を急いでいる",
        ("ヤマダ", "yamada.k@yamada-denki-koji.example.jp"),
        "利用停止の件",
        """お世話になっております。山田電気工事の山田です。

今朝からメールが使えなくなって、管理画面を見たら「お支払い遅延のため停止中」と出ていました。
未払いになっていた3か月分の 25,740円 は昨日の午後に振り込んであります（振込名義 ヤマダデンキコウジ）。

すぐに停止を解除してください。お客さんからの見積依頼がメールで来るので困っています。

iPhoneから送信
""",
        fmt="utf8-b64",
        status="suspended",
        batch=H15,
    ),
    M(
        "h15-ja-collections-reply-final-notice-new-clerk.eml",
        "collections",
        "最終督促への返信で、引き継ぎ漏れの未払いを認め支払日を伝え残高を確認している。送付先変更は付随",
        ("石井 美穂", "ishii@hikari-hoiku.example.jp"),
        "Re: 【重要】お支払い期限超過のお知らせ（最終のご案内）",
        """クラウドパートナー 請求窓口 ご担当者様

お世話になっております。株式会社ひかり保育サービス 経理の石井です。
10月に前任の中島から経理業務を引き継ぎました。ご連絡が遅くなり申し訳ございません。

ご案内いただいた件、社内で確認いたしましたところ、引き継ぎ漏れにより9月分・10月分のお支払いが処理されていなかったことがわかりました。
大変失礼いたしました。

今週金曜日（11月27日）に2か月分をまとめてお振込みいたします。
念のため、現時点でのお支払い残高の合計と請求書番号を改めてお知らせいただけますでしょうか。
また、今後の請求書の送付先を私（ishii@hikari-hoiku.example.jp）に変更していただけますと幸いです。

よろしくお願いいたします。

石井

> 株式会社ひかり保育サービス
> ご担当者様
>
> 9月分（CP-2609-0733）および10月分（CP-2610-0741）のご請求について、お支払い期限を過ぎておりますが、ご入金の確認ができておりません。
> 12月4日までにご入金が確認できない場合、誠に恐縮ながらサービスのご利用を停止させていただきます。
""",
        fmt="alt",
        batch=H15,
    ),
    # ------------------------------------------------------------------ escalations (en)
    M(
        "h15-en-escalations-licences-stuck-provisioning.eml",
        "escalations",
        "paid-for licences never appeared in the tenant and Microsoft sends her back to the"
        " partner; only the vendor can fix it",
        ("Fiona Campbell", "it@lochside-housing.example"),
        "40 licences paid for, only 25 in our tenant",
        """Hi,

Our order for 40 Microsoft 365 E3 licences (ref ORD-2026-3381) was invoiced on
16 November and we paid it the same day by card, so this isn't a payment question.

But the admin centre only shows 25 E3 licences, the original 25, and the additional 15
have never appeared. We have 15 new housing officers who started on Monday sitting there
without email or Teams. Our IT is just me, and I've tried everything I can from our side:
the subscription page has said "Provisioning" for 9 days.

Can you chase this with Microsoft urgently? I haven't been able to open a case myself,
it just tells me to contact my partner.

Fiona Campbell
IT & Systems Officer
Lochside Housing Association
""",
        fmt="alt",
        batch=H15,
    ),
    M(
        "h15-en-escalations-vet-tenant-restricted.eml",
        "escalations",
        "an IT outsourcer forwards Microsoft's tenant restriction for a fully paid client;"
        " only Microsoft can lift it",
        ("Greg Holloway", "greg@holloway-it.example"),
        "FW: Action required: Your organization's account has been restricted",
        """Please escalate ASAP. Client is Redfern Veterinary Group, account 40-20931, fully paid
up (checked your portal this morning, zero balance), so this is NOT a billing suspension.
Microsoft has restricted the tenant after what looks like a false positive on outbound
spam, and every admin account is blocked from the admin center so we can't even open a
ticket with them. 4 clinics, no email since 6am.

Greg Holloway
Holloway IT | Outsourced IT for vets & small practices

From: Microsoft Online Services Team <msonlineservicesteam@microsoft.example>
Sent: 25 November 2026 05:48
To: admin@redfernvets.example
Subject: Action required: Your organization's account has been restricted

We have detected activity in your Microsoft 365 organization that violates our outbound
email policies. As a result, sending email has been restricted for all users and
administrative access has been limited. To restore access, contact your partner of
record or Microsoft Support.
""",
        fmt="html",
        batch=H15,
    ),
    M(
        "h15-en-escalations-aws-case-unanswered.eml",
        "escalations",
        "an AWS support case on a production database has gone unanswered for 9 days and he"
        " wants it pushed through the partner channel; the support-fee question is secondary",
        ("Nikhil Rao", "nikhil.rao@tallyfin-software.example"),
        "AWS support case 171234567800 - no response in 9 days",
        """Hi,

Sorry to bother the billing team with this, but your account manager said you are our
route to AWS because we're on your partner billing.

We opened a Business support case with AWS on 16 November (case 171234567800) because
one of our RDS instances in eu-west-2 has been stuck in "modifying" since a storage
upgrade. It's the production database for 40 small accounting clients. The case has had
one automated reply and nothing else, and the severity is "Production system impaired".

Could you escalate it through your AWS partner channel and get someone to actually look
at it? I'd also like to know at some point whether we pay for Business support through
you, because this isn't what we were sold.

Thanks
Nikhil Rao
CTO, Tallyfin Software Ltd
""",
        batch=H15,
    ),
    M(
        "h15-en-escalations-managing-partner-mail-outage.eml",
        "escalations",
        "an executive wants a named person and a Google case for an unresolved mail outage;"
        " the service-credit and lawyer threats follow from it",
        ("Robert Asante", "robert.asante@asante-partners-cpa.example"),
        "Unacceptable - two days without external email",
        """To whoever is in charge,

I am the managing partner of Asante & Partners. Since Monday morning about half of our
staff cannot receive external email in Google Workspace. Messages from clients are
simply not arriving. My office manager has called your helpdesk twice and was told
"it's with Google". Google's status dashboard shows everything green.

We have year-end planning meetings with clients every day this week. I want a named
person who is dealing with Google on our behalf, their case number, and an update by the
end of today. We will be asking for a service credit for this month, and I have asked
our attorney to review our agreement with you.

We pay our invoices on time. I expect the same standard in return.

Robert Asante, CPA
Managing Partner
Asante & Partners CPAs
""",
        fmt="utf8-qp",
        batch=H15,
    ),
    M(
        "h15-en-escalations-google-cloud-billing-account-suspended.eml",
        "escalations",
        "Google suspended an NGO's cloud billing account for a policy review although it pays"
        " us; only Google can restore it",
        ("Sofia Lindqvist", "sofia@nordlys-ngo.example"),
        "Fwd: [Action Required] Your Google Cloud billing account has been suspended",
        """Hi, Google suspended our billing account over the weekend (below). We pay you, not
Google, and our invoices are all paid as far as I know, so I don't understand why Google
wants identity documents from us. Our donation site and the volunteer app both run on it
and both are down. Can you sort it out with Google? I don't know who else to ask.

Sofia
Nordlys Children's Fund

---------- Forwarded message ---------
From: Google Cloud Billing <billing-noreply@google.example>
Date: Sun, Nov 22, 2026 at 11:40 PM
Subject: [Action Required] Your Google Cloud billing account has been suspended
To: sofia@nordlys-ngo.example

Billing account 01A2B3-C4D5E6-F7G8H9 has been suspended following a policy review.
Resources linked to this billing account have been stopped. To appeal, provide identity
verification in the Google Cloud console or contact your reseller.
""",
        fmt="utf8-b64",
        batch=H15,
    ),
    # ------------------------------------------------------------------ escalations (ja)
    M(
        "h15-ja-escalations-upgrade-billed-not-applied.eml",
        "escalations",
        "上位プランの請求は来て支払ったのにテナントに反映されず、請求の訂正ではなく反映をベンダーに求めてほしいと言っている",
        ("田村 直樹", "tamura@iroha-print.example.jp"),
        "プラン変更が反映されません（Business Premium）",
        """クラウドパートナー ご担当者様

いろは印刷の田村です。

11月16日に、全社30名分を Microsoft 365 Business Standard から Business Premium へ切り替えるよう発注しました。
11月分の請求書（CP-2611-0802）はすでに Business Premium の単価で届いており、お支払いも済ませております。

ところが、管理センターでは今も Business Standard のままで、Intune や Defender が使えません。
12月1日から新しいパソコンを配布する予定で、Intune での設定が前提になっています。
こちらで Microsoft に問い合わせたところ、「パートナー経由で購入されたライセンスはパートナーにお問い合わせください」とのことでした。

請求のほうは正しいので、返金などは不要です。とにかく Business Premium を使えるようにしていただきたいので、Microsoft への確認をお願いいたします。

株式会社いろは印刷
総務部 情報システム担当 田村 直樹
TEL 03-5555-2871
""",
        fmt="iso2022",
        batch=H15,
    ),
    M(
        "h15-ja-escalations-microsoft-case-ignored.eml",
        "escalations",
        "Microsoftのサポートケースが2週間放置され、パートナー経由で優先度を上げてほしいと頼んでいる",
        ("清水 大輔", "shimizu@minato-kaikei.example.jp"),
        "Microsoftサポートの件（ケース番号 2611130040001234）",
        """クラウドパートナー
ご担当者様

お世話になっております。みなと会計センターの清水です。

11月13日に、Exchange Online の共有メールボックスあての送信が一部の取引先からだけエラーになる件で、Microsoft サポートにケースを起票しました（ケース番号 2611130040001234）。
ところが最初の受付メール以降、2週間近く何の連絡もありません。こちらから2回催促のメールを送りましたが、返事がない状態です。

年末調整の時期で、顧問先からの書類がメールで届かないのは本当に困ります。
貴社はMicrosoftのパートナーと伺っていますので、パートナー経由で優先度を上げていただくことはできないでしょうか。

よろしくお願いいたします。
"""
        + sig_ja("株式会社みなと会計センター", "総務部 システム管理", "清水 大輔", "7720"),
        fmt="sjis",
        batch=H15,
    ),
    M(
        "h15-ja-escalations-village-cannot-sign-in.eml",
        "escalations",
        "村役場の全職員がサインインできず、支払いの問題ではないと確認済みで、Microsoftへの問い合わせを求めている",
        ("宮本 亮", "miyamoto@vill-kitayama.example.lg.jp"),
        "【至急】今朝から全職員がサインインできません",
        """クラウドパートナー 御中

北山村役場 総務課の宮本です。至急の対応をお願いしたくご連絡します。

本日午前8時半ごろから、職員全員が Microsoft 365 にサインインできなくなっています。
エラーは「AADSTS50020」や「アカウントが無効です」など、端末によってまちまちです。
念のため貴社からの請求を確認しましたが、11月分まですべて支払済みで、督促なども受け取っておりません。支払いの問題ではないと考えています。

Microsoft のサービス正常性のページには障害情報が出ていません。
午後から議会の資料配布があり、このままでは業務が止まってしまいます。
Microsoft への問い合わせをお願いできますでしょうか。こちらで分かる情報（テナント名、エラー画面）はすぐにお送りします。

北山村役場 総務課
宮本 亮
TEL 0735-55-0021
""",
        batch=H15,
    ),
    M(
        "h15-ja-escalations-aws-account-suspended-forward.eml",
        "escalations",
        "AWSがセキュリティ確認のためアカウントを停止した通知を転送し、未払いはないのでAWSへの確認を頼んでいる",
        ("藤井 拓也", "fujii@mirai-lab.example.jp"),
        "転送: AWS アカウントの停止について",
        """お世話になっております。ミライラボの藤井です。
下記のメールが AWS から届き、本番環境の EC2 がすべて止まっています。
請求は貴社経由でお支払いしていて、未払いはないはずです。AWS にどう対応すればよいのか分からないので、貴社から AWS に確認していただけますか。至急お願いします。

合同会社ミライラボ 代表 藤井

-------- 転送メッセージ --------
差出人: Amazon Web Services <no-reply-aws@amazon.example>
日付: 2026年11月24日 22:15
件名: AWS アカウントの停止について

お客様の AWS アカウント（アカウント ID: 123456789012）において、セキュリティ上の確認が必要なアクティビティが検出されたため、アカウントを一時的に停止しました。
アカウントを再開するには、サポートセンターから本人確認の手続きを完了してください。
""",
        fmt="html",
        batch=H15,
    ),
    M(
        "h15-ja-escalations-partner-transfer-stuck-owner.eml",
        "escalations",
        "社長がパートナー移管がMicrosoft側で止まったままだと怒り、解約もほのめかす。前業者の請求の件は付随",
        ("丸山 茂", "maruyama@maruyama-shoten.example.jp"),
        "いつになったら終わるんですか",
        """クラウドパートナーさん

丸山商店の丸山です。
9月に前の業者から御社に切り替える話をして、御社の営業さんから「1か月もあれば移管は終わる」と聞いていました。
もう11月も終わりなのに、Microsoftの画面では前の業者がまだ管理者のままで、前の業者との契約も切れているので、社員の追加もパスワードのリセットもできません。

営業さんに聞いても「Microsoftの承認待ちです」の一点張りで、何をどこに頼んでいるのかも分かりません。
Microsoftにちゃんと確認して、いつ終わるのか、はっきり教えてください。
年内に終わらないなら、正直、御社との契約も考え直します。

それと、前の業者からも今月分の請求が来ています。二重に払うつもりはないので、これもどうなっているのか教えてください。

有限会社丸山商店
代表取締役 丸山
""",
        fmt="utf8-qp",
        batch=H15,
    ),
]
