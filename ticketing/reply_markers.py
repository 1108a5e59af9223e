"""The words mail clients write around quoted history, in the languages customers write.

Data only: `quotes` compiles these into its patterns. Each entry is what a real client
writes (Gmail, Outlook desktop/web/mobile, Apple Mail, Thunderbird, Yahoo, Yandex,
Mail.ru, QQ, NetEase, Naver, Japanese carriers); add a language by adding its words here.
Words are plain text, not regular expressions (`quotes` escapes them), except where a
name ends in `_PATTERNS`.
"""

from __future__ import annotations

# Outlook's reply header block, field by field. A block needs a From field, a date field
# with a digit in it, and one more field (see `quotes._starts_history`).
FROM_FIELDS = (
    "from", "von", "de", "da", "van", "od", "от", "от кого", "från", "fra", "frá",
    "发件人", "發件人", "寄件者", "보낸 사람", "보낸사람", "差出人", "送信者", "送信元",
)  # fmt: skip
DATE_FIELDS = (
    "sent", "date", "gesendet", "datum", "envoyé", "envoyé le", "enviado", "enviado el",
    "enviada", "enviada em", "fecha", "data", "inviato", "verzonden", "verstuurd", "wysłano",
    "wysłane", "отправлено", "дата", "skickat", "sendt",
    "发送时间", "發送時間", "寄件日期", "日期", "时间", "時間",
    "보낸 날짜", "보낸날짜", "날짜", "送信日時", "送信日", "日付", "日時",
)  # fmt: skip
OTHER_FIELDS = (
    "to", "an", "à", "a", "para", "per", "aan", "do", "кому", "till", "til",
    "cc", "kopie", "copie", "cópia", "copia", "kopia", "dw", "копия",
    "subject", "betreff", "objet", "asunto", "assunto", "oggetto", "onderwerp", "temat",
    "тема", "ämne", "emne",
    "收件人", "收件者", "抄送", "副本", "主题", "主旨", "받는 사람", "받는사람", "참조", "제목",
    "宛先", "件名",
)  # fmt: skip

# "-----Original Message-----" as Outlook, Android mail apps, QQ and Naver write it.
ORIGINAL_MESSAGE = (
    "original message", "original e-mail", "original email",
    "ursprüngliche nachricht", "originalnachricht", "message d'origine", "message original",
    "mensaje original", "mensagem original", "messaggio originale", "oorspronkelijk bericht",
    "origineel bericht", "oryginalna wiadomość", "wiadomość oryginalna", "исходное сообщение",
    "ursprungligt meddelande", "originalmeddelande", "oprindelig meddelelse",
    "原始邮件", "原始郵件", "原始信件", "原邮件", "원본 메시지", "원본 메일", "원래 메시지",
    "元のメッセージ", "オリジナル メッセージ", "オリジナルメッセージ", "元のメール",
)  # fmt: skip

# A header block right after one of these is content forwarded on purpose: kept.
FORWARD_MARKERS = (
    "forwarded message", "begin forwarded message", "weitergeleitete nachricht",
    "anfang der weitergeleiteten", "message transféré", "début du message réexpédié",
    "mensaje reenviado", "mensagem encaminhada", "messaggio inoltrato", "doorgestuurd bericht",
    "przekazana wiadomość", "wiadomość przekazana", "пересылаемое сообщение",
    "пересланное сообщение", "vidarebefordrat meddelande", "videresendt meddelelse",
    "转发邮件", "轉寄郵件", "转发的邮件", "전달된 메시지", "전달 메시지",
    "転送メッセージ", "転送されたメッセージ", "転送元のメッセージ",
)  # fmt: skip

# The verb of an attribution line ("On <date>, <name> wrote:"), in whatever place the
# language puts it; the line must end with a colon. Latin and Cyrillic words are matched
# as whole words, CJK ones anywhere.
WROTE_WORDS = (
    "wrote", "writes", "schrieb", "a écrit", "escribió", "escreveu", "ha scritto",
    "schreef", "geschreven", "napisał", "napisała", "napisał(a)", "napisana przez", "pisze",
    "написал", "написала", "написал(а)", "пишет", "skrev", "kirjoitti", "napsal",
)  # fmt: skip
WROTE_WORDS_CJK = ("写道", "寫道", "작성", "書きました", "のメール")

# Devices and apps a "sent from" line names when it has no "my" to tell it apart from prose.
_DEVICE = (
    r"(?:iphone|ipad|ipod|android|samsung|galaxy|huawei|xiaomi|pixel|blackberry|outlook|"
    r"yahoo|gmail|aol|gmx|web\.de|t-online|telekom|libero|яндекс|mail\.ru|"
    r"(?:e-?)?mail(?: app)?|mobil\w*|мобильн\w*|smartphone|handy|appareil|dispositivo|"
    r"apparaat|urządzenia|telefon\w*|телефон\w*|планшет\w*|tablet)"
)

# "Sent from my iPhone" and its kin: a whole line a mail app adds under the text. Regular
# expressions, matched case-insensitively against the whole stripped line.
MOBILE_SIGNATURE_PATTERNS = (
    # English
    r"sent from my [\w' .-]{1,40}",
    rf"sent (?:from|via|with) (?:the )?{_DEVICE}[\w' .-]{{0,40}}",
    r"get outlook for (?:ios|android)",
    # German
    r"von meinem [\w' .-]{1,40} gesendet",
    rf"gesendet (?:von|mit|über|vom) (?:meinem |der |dem |mein )?{_DEVICE}[\w' .-]{{0,40}}",
    r"holen sie sich outlook für (?:ios|android)",
    # French
    r"envoyé (?:de|depuis) (?:mon|ma) [\w' .-]{1,40}",
    rf"envoyé (?:de|depuis|avec) (?:l'application )?{_DEVICE}[\w' .-]{{0,40}}",
    r"(?:obtenir|téléchargez) outlook pour (?:ios|android)",
    # Spanish
    r"enviado desde mi [\w' .-]{1,40}",
    rf"enviado desde (?:la aplicación )?{_DEVICE}[\w' .-]{{0,40}}",
    r"obtener outlook para (?:ios|android)",
    # Portuguese
    r"enviado do meu [\w' .-]{1,40}",
    rf"enviado d[oa] (?:aplicativo )?{_DEVICE}[\w' .-]{{0,40}}",
    r"obter o outlook para (?:ios|android)",
    # Italian
    r"inviato dal mio [\w' .-]{1,40}",
    rf"inviato (?:da|dall'app|con) {_DEVICE}[\w' .-]{{0,40}}",
    r"(?:scarica|ottieni) outlook per (?:ios|android)",
    # Dutch
    r"(?:verstuurd|verzonden) vanaf mijn [\w' .-]{1,40}",
    rf"(?:verstuurd|verzonden) (?:vanaf|vanuit|met|via) {_DEVICE}[\w' .-]{{0,40}}",
    r"(?:download )?outlook voor (?:ios|android)(?: downloaden)?",
    # Polish
    r"wysłan[eo] z mojego [\w' .-]{1,40}",
    rf"wysłan[eo] z (?:aplikacji )?{_DEVICE}[\w' .-]{{0,40}}",
    r"pobierz (?:aplikację )?outlook dla (?:systemu )?(?:ios|android)",
    # Russian
    r"отправлено с моего [\w' .-]{1,40}",
    rf"отправлено (?:с|со|из) {_DEVICE}[\w' .-]{{0,40}}",
    r"получите? outlook для (?:ios|android)",
    # Swedish, Danish
    r"skickat från min [\w' .-]{1,40}",
    rf"skickat från {_DEVICE}[\w' .-]{{0,40}}",
    r"hämta outlook för (?:ios|android)",
    r"sendt fra min [\w' .-]{1,40}",
    # Chinese
    r"发自我的 ?[\w .-]{1,30}",
    r"发自(?:网易邮箱大师|QQ邮箱|手机QQ邮箱|移动设备|[\w .-]{1,20}客户端)",
    r"(?:从|從)我的 ?[\w .-]{1,30} ?(?:发送|傳送|寄出)",
    r"获取 ?outlook for (?:ios|android)",
    # Korean
    r"(?:내 )?[\w .-]{1,30}에서 보냄",
    r"[\w .-]{1,20}용 outlook 받기",
    # Japanese (carriers and phones)
    r"(?:iphone|ipad|android|outlook|gmail|スマートフォン|スマホ|携帯|au|docomo|softbank)"
    r"\S{0,10} ?(?:から|より)の?送信(?:しました)?",
)
