"""The words of page chrome, per language: data for ``core.roles``, not code.

Why a module of its own: these lists are what a segment's own words can tell
("Source link", "Leave a Reply", "Support us"); ``core.roles`` and
``core.page_evidence`` combine them with evidence across the page.  The
phrases name kinds of chrome (share, related, source, comment, donate) in each
supported language, never one site's labels.
"""

from __future__ import annotations

import re
import unicodedata


def deaccent(text: str) -> str:
    """Each character without its accents, length kept ("ΕΠΊΣΗΣ" and "ΕΠΙΣΗΣ" compare equal)."""
    if text.isascii():  # nothing to strip (most text; the per-character loop is slow)
        return text
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in text)


def _phrases(spec: str) -> frozenset[str]:
    """A ``|``-separated phrase list (line breaks and indentation ignored)."""
    return frozenset(deaccent(p.strip().casefold()) for p in spec.split("|") if p.strip())


#: Whole-segment phrases (compared after normalising case, spaces, end punctuation).
LINK_RESIDUE_PHRASES = _phrases(
    """source link|source|original source|read more|read the full story|read the full article
    |continue reading|click here|full story|share|share this|share this article|tweet
    |quelle|quelllink|zur quelle|mehr lesen|weiterlesen|mehr dazu|zum artikel|teilen
    |источник|ссылка на источник|читать далее|подробнее|читать полностью|поделиться
    |джерело|посилання на джерело|читати далі|детальніше|читати повністю|поширити|поділитися
    |πηγή|διαβάστε περισσότερα|περισσότερα|κοινοποίηση|μοιραστείτε|share article
    |artikel teilen|beitrag teilen|social sharing|partager l'article|partager cet article
    |поделиться статьей|поділитися статтею|κοινοποιήστε το άρθρο
    |lire la suite|en savoir plus|lien source|partager"""
)
LINK_RESIDUE_PATTERNS = (
    re.compile(r"^(https?://|www\.)\S+$"),
    re.compile(r"^([^\W\d_]+ )?(via|source|sources|quelle|quellen|источник|источники|джерело"
               r"|джерела|πηγή|πηγές|fuente|fonte|źródło|bron)\s*:\s*\S.{0,80}$"),
    re.compile(r"^(share|teilen|partager|поделиться|поділитися|κοινοποίηση) "
               r"(on|via|auf|sur|в|у|στο) \w+$"),
    # "Share this article", "Κοινοποιήστε αυτό το άρθρο", "Diesen Beitrag teilen" (matched
    # without accents): a share verb and the page's own noun, nothing else
    re.compile(r"^(share|partager|partagez|поделиться|поділитися|поделитесь|поділіться"
               r"|κοινοποιηστε|κοινοποιηση|μοιραστειτε)( (this|the|cet|cette|ce|αυτο το|το))?"
               r" (article|story|post|page|статьей|статтею|новостью|новиною|αρθρο)$"),
    re.compile(r"^((diesen|den) )?(artikel|beitrag|seite) teilen$"),
    re.compile(r"^(source|sources|quelle|quellen|источник|источники|джерело|джерела)( \w{2,12})?$"),
    re.compile(r"^\[\d{1,2}\] \S.{0,80}$"),  # a numbered reference under "Sources:"
    # a share button with its target: "Partager sur", "Partager l'article sur Facebook",
    # "Share this article in your social network", "Teilen auf WhatsApp"
    re.compile(r"^(share|partager|partagez|teilen|поделиться|поділитися|поделитесь|поділіться"
               r"|κοινοποιηση|κοινοποιηστε)( (this |the |cet |cette |ce |l'|den |diesen )?"
               r"(article|story|post|page|artikel|beitrag|статьей|статтею|новостью|новиною"
               r"|αρθρο) (on|via|in|auf|per|sur|par|в|у|через|στο) [^.!?]{1,40}"
               r"| (on|via|auf|sur|в|у|через|στο)( [^.!?]{1,40})?)$"),
)  # fmt: skip
#: Labels that open a teaser for another article ("Read moreFrom isolation to ...").
TEASER_PHRASES = _phrases(
    """read more|read also|also read|related|related stories|related articles
    |see also|more on this|more on this story|lesen sie auch|mehr zum thema
    |auch interessant|lire aussi|à lire aussi|a lire aussi|voir aussi
    |читайте также|смотрите также|по теме|читайте також|дивіться також|за темою
    |διαβάστε επίσης|δείτε επίσης|διαβάστε ακόμη|leer más|lee también|leggi anche
    |σχετικά άρθρα|σχετικές ειδήσεις|das könnte sie auch interessieren|mehr aus
    |weitere artikel|more from|you may also like|recommended|à lire également
    |sur le même sujet|другие материалы|материалы по теме|новости по теме
    |більше новин|інші новини|схожі новини|ähnliche inhalte|ähnliche artikel
    |ähnliche themen|verwandte artikel|verwandte themen|you may also be interested
    |you might also be interested|you might also like|you may also like
    |вас може зацікавити|вас может заинтересовать|вам может быть интересно
    |по этой теме|на эту тему|схожі матеріали|похожие материалы|похожие новости
    |σχετικά|παρόμοια άρθρα|μπορεί να σας ενδιαφέρει|articles similaires
    |vous aimerez aussi|vous pourriez aussi aimer|à voir aussi|sur le même thème
    |more information|further reading|editor's picks|recommended for you
    |weitere informationen|empfehlungen der redaktion|mehr informationen
    |pour aller plus loin|plus d'informations|дополнительная информация
    |рекомендации редакции|більше інформації|рекомендації редакції
    |περισσότερες πληροφορίες|explore further|more stories|read next|more like this
    |zum thema|passend zum thema|auch lesenswert|das könnte dich auch interessieren
    |lire également|à découvrir aussi|a decouvrir aussi|nos articles sur le sujet
    |связанные материалы|новости на тему|материалы на тему|еще по теме|ещё по теме
    |вам также может быть интересно|также читайте|новини на тему|матеріали на тему
    |пов'язані матеріали|пов’язані матеріали|вам також може бути цікаво
    |вам може бути цікаво|також читайте|ще на тему"""
)
TEASER_LABELS = re.compile(  # longest first, so "related stories" beats "related"
    "^(" + "|".join(sorted(TEASER_PHRASES, key=len, reverse=True)) + ")"
)
#: Page widgets and navigation: ``other`` whatever surrounds them.
CHROME_LABELS = _phrases(
    """follow|follow us|sign up|sign up here|subscribe|subscribe now|short url|short link
    |permalink|left menu|right menu|main menu|menu
    |search|copy link|copy url|link copied|listen|listen to this article|save|bookmark
    |advertisement|ad|sponsored|skip to content|skip to main content|back to top|home
    |log in|login|sign in|register|font size|text size|a a a|a- a a+|close menu
    |folgen|folgen sie uns|menü|suche|anzeige|werbung|startseite|anmelden|link kopieren
    |suivre|suivez-nous|publicité|accueil|rechercher|se connecter|copier le lien
    |подписаться|меню|поиск|реклама|главная|войти|скопировать ссылку
    |підписатися|пошук|головна|увійти|скопіювати посилання
    |ακολουθήστε|μενού|αναζήτηση|διαφήμιση|αρχική|σύνδεση
    |artikel anhören|anhören|vorlesen|artikel vorlesen lassen|écouter|écouter l'article
    |écouter cet article|слушать|слушать статью|прослухати|слухати|прослухати статтю
    |ακούστε|ακούστε το άρθρο|listen to article|audio version
    |print|drucken|imprimer|печать|версия для печати|друк|версія для друку|εκτύπωση"""
)
#: Labels over a list of other stories ("Most read", "Trending"): page chrome, and the end of
#: a comment section above them.
LIST_LABELS = _phrases(
    """most read|most popular|most viewed|trending|trending now|top stories|latest news
    |news of the day|meistgelesen|meistgelesene artikel|am meisten gelesen|im trend
    |neueste nachrichten|top-themen|les plus lus|les plus populaires|tendances|à la une
    |dernières infos|dernières actualités|le fil info|самое читаемое|популярное|в тренде
    |последние новости|новости дня|лента новостей|все новости|найпопулярніше|найчитаніше
    |у тренді|останні новини|новини дня|стрічка новин|всі новини|усі новини|δημοφιλή
    |τα πιο δημοφιλή|τελευταία νέα|ροή ειδήσεων"""
)
CHROME_LABELS |= LIST_LABELS
READING_TIME = re.compile(
    r"^\d+\s*(min|mins|minutes?|minuten?|мин|хв|λεπτά)\.?\s*\w*( \w+)?$"
    r"|^[^\W\d_]+( [^\W\d_]+)?\s+\d+\s*(min|mins|minuten|мин|хв|λεπτά)$"  # "Artikel anhören 3 min"
    r"|\b(min read|reading time|lesezeit|temps de lecture|время чтения|час читання"
    r"|χρόνος ανάγνωσης)\b"
)
#: A social network or messenger the site posts on ("Telegram", "Google News").
SOCIAL_NETWORKS = re.compile(
    r"\b(telegram|facebook|youtube|whatsapp|instagram|viber|tiktok|twitter|threads|bluesky"
    r"|linkedin|google news|x \(twitter\))\b"
)
#: The verbs (and "us") that invite the reader onto a channel: "Subscribe to … on Telegram",
#: "Підписуйтесь на … у Telegram", "Читайте нас у Telegram та Facebook", "Suivez-nous sur …".
FOLLOW_INVITE = re.compile(
    r"^(subscribe|follow|join|find us|get|stay|read us|abonn|folg|suiv|rejoign|retrouv"
    r"|підпис|стеж|слідк|приєдн|подпис|след|присоедин|ακολουθ|εγγραφ)"
    r"|\b(us|uns|nous|нас|μας)\b"
)
#: The same invitation as a full sentence opens with the imperative itself ("Join X's
#: WhatsApp Channel and get the latest news."); a report naming a network does not.
FOLLOW_IMPERATIVE = re.compile(
    r"^(subscribe|follow|join|abonnez-vous|suivez|rejoignez|folgen sie|abonnieren sie"
    r"|підписуйтесь|підписуйтеся|приєднуйтесь|слідкуйте|стежте|подписывайтесь|присоединяйтесь"
    r"|следите|ακολουθήστε|εγγραφείτε)(?![\w'’-])"
)
COMMENT_STARTERS = _phrases(
    """leave a reply|leave a comment|post a comment|add a comment|write a comment|comments
    |join the discussion|schreibe einen kommentar|kommentar schreiben|hinterlasse einen kommentar
    |einen kommentar hinterlassen|kommentar verfassen|kommentare|оставьте комментарий
    |оставить комментарий|добавить комментарий|написать комментарий|комментарии
    |залишити коментар|залиште коментар|додати коментар|написати коментар|коментарі
    |laisser un commentaire|laissez un commentaire|ajouter un commentaire|commentaires
    |répondre|antworten|ответить|відповісти|reply|réagir|réagir à cet article
    |kommentieren|artikel kommentieren|комментировать|коментувати|σχόλια|σχολιάστε
    |σχολιάστε το άρθρο|join our commenting forum|join the conversation
    |discussion|diskussion|diskussion zum artikel|обсуждение|обговорення|συζήτηση
    |new comment|neues posting|neuer kommentar|nouveau commentaire|новый комментарий
    |новий коментар|νέο σχόλιο"""
)
#: A comment counter ("327 Postings", "12 commentaires", "Коментарі (3)", "Comments: 4"):
#: the link to, or the head of, the reader-comment section.
COMMENT_COUNT = re.compile(
    r"^(\d[\d.,  ]*[km]?\s*(comments?|kommentare?|postings?|commentaires?|réactions?"
    r"|комментари[йяев]?|коментар[іяів]?|σχόλια)"
    r"|(comments?|kommentare|postings|commentaires|réactions|комментарии|коментарі|σχόλια)"
    r"\s*[(:]?\s*\d+\)?)$"
)
COMMENT_SNIPPETS = (
    "email address will not be published",
    "required fields are marked",
    "save my name, email",
    "you must be logged in to post a comment",
    "e-mail-adresse wird nicht veröffentlicht",
    "erforderliche felder sind",
    "meinen namen, meine e-mail-adresse",
    "kommentar abschicken",
    "адрес email не будет опубликован",
    "адрес электронной почты не будет опубликован",
    "обязательные поля помечены",
    "отправить комментарий",
    "адреса електронної пошти не буде опублікована",
    "обов'язкові поля позначені",
    "обов’язкові поля позначені",
    "надіслати коментар",
    "adresse e-mail ne sera pas publiée",
    "adresse de messagerie ne sera pas publiée",
    "champs obligatoires sont indiqués",
    "post comment",
    "submit comment",
    "pour pouvoir réagir",
    "pour pouvoir commenter",
    "um kommentieren zu können",
)
#: Short form labels: comment_form only inside a comment block.
FORM_LABELS = _phrases(
    """name|email|e-mail|website|comment|kommentar|webseite|имя|сайт|комментарий|ім'я|ім’я
    |коментар|nom|site web|commentaire|adresse e-mail|електронна пошта|эл. почта"""
)
APPEAL_STARTERS = (
    re.compile(
        r"^(a message from|a note from|dear reader|dear readers|dear friends|support (our|"
        r"independent)|liebe leserinnen|liebe leser|eine nachricht (von|der)|unterstützen sie"
        r"|дорогие читатели|уважаемые читатели|дорогі читачі|шановні читачі|chers lecteurs"
        r"|chères lectrices|un message de|soutenez)"
    ),
)
APPEAL_SNIPPETS = (
    "remind me later",
    "not ready to support",
    "support us",
    "donate",
    "make a donation",
    "become a member",
    "jetzt spenden",
    "spenden sie",
    "später erinnern",
    "unterstützen sie uns",
    "поддержите нас",
    "поддержать нас",
    "пожертвовать",
    "напомнить позже",
    "підтримайте нас",
    "підтримати нас",
    "нагадати пізніше",
    "faire un don",
    "soutenez-nous",
    "me le rappeler plus tard",
)
#: A short button starting with a verb of support ("Support us", "Поддержать «Медузу»",
#: "Jetzt unterstützen").
APPEAL_BUTTON = re.compile(
    r"^(jetzt |now |maintenant |сейчас |зараз )?"
    r"(support|donate|unterstützen|spenden|soutenir|soutenez|faire un don|поддержать|поддержите"
    r"|пожертвовать|підтримати|підтримайте|υποστηρίξτε|become a (member|supporter|patron)"
    r"|стати патроном|стать патроном)\b"
)
#: Buttons that close an appeal box: the block ends right after them.
APPEAL_CLOSERS = _phrases(
    """remind me later|maybe later|not now|no thanks|close|später erinnern|vielleicht später
    |nein danke|schließen|напомнить позже|не сейчас|нет, спасибо|закрыть|нагадати пізніше
    |не зараз|ні, дякую|закрити|me le rappeler plus tard|plus tard|non merci|fermer"""
)
#: The page speaking of itself: a demonstrative and the page's own noun ("this article",
#: "ce texte", "dieser Artikel", "ця стаття", "этот материал").  News copy speaks of
#: events, not of the text that tells them, so such a line is a note about the copy
#: (syndication, correction, audio or print edition), never the story.
SELF_REFERENCE = re.compile(
    r"\b(this|the present) (article|story|text|piece|post)\b|^(\w+: )?this report (by|was|is)\b"
    r"|\b(cet|ce|cette) (article|texte|dépêche|reportage)\b|\bαυτό το (άρθρο|κείμενο)"
    r"|\b(dieser|diesen|dieses|diesem) (artikel|text|beitrag)\b"
    r"|\b(ця|цю|цей|цього|цієї|этот|эта|эту|этого|этой) (статт|стат|матеріал|материал|текст"
    r"|публікац|публикац)"
    # ... or a correction note: "Correction: …", "Rectificatif : …"
    r"|^(correction|rectificatif|korrektur|исправлено|виправлено)\b[^:]{0,25}:\s*\w"
    # ... or the copy's disclaimer: who funded it, whose views it does not necessarily
    # reflect, that it is copyright or for information only ("Матеріал підготовлено за
    # фінансової підтримки ЄС", "The content is provided for information purposes only")
    r"|^(the |this )?(material|матеріал|материал|публікацію|публікація|публикация)"
    r" (was |is |є |было )?(prepared|created|підготовлено|створено|подготовлен|создан)"
    r"|\b(does not|do not|doesn't|don't) necessarily (reflect|represent) the (views?|opinions?)"
    r"|\bnicht unbedingt die (meinung|ansicht|position|haltung)"
    r"|\bne (reflète|reflètent|représente|représentent) pas (nécessairement|forcément)"
    r"|не обов.язково (відобража|збіга)|не обязательно (отража|совпада)"
    r"|\b(content|contents|зміст|содержание|inhalt|contenu)\b.{0,40}(sole|exclusive|виключн"
    r"|исключительн|alleinig|seule)"
    r"|\bsubject to copyright\b|\bfor (general )?information(al)? purposes only\b"
    r"|\bnur zu informationszwecken\b|\bà titre (informatif|d.information) (seulement|uniquement)"
    r"|в ознайомчих цілях|в ознакомительных целях",
    re.I,
)
#: An update note's head: "Обновлено в 13:10: …", "Update, 10:05: …", "Mise à jour : …".
UPDATE_NOTE = re.compile(
    r"^(upd|update|updated|mise à jour|mis à jour|aktualisierung|aktualisiert|обновлено"
    r"|обновление|оновлено|оновлення)\b[^:]{0,25}:\s*\w",
    re.I,
)
#: ... which is a note about the copy when it tells what the edit did ("добавлена информация о
#: …", "adds comment from …", "ergänzt um …"); an update that tells a new fact ("Update, 10:05:
#: The number of injured has risen to seven.") is the story's.
EDIT_WORDS = re.compile(
    r"\b(add|adds|added|adding|includes?|including|information|details|comment|reaction"
    r"|clarif\w*|correct\w*|earlier version|ajout\w*|précis\w*|informations?|réaction"
    r"|ergänzt|hinzugefügt|informationen|stellungnahme|korrigiert|добавл\w*|дополн\w*"
    r"|информаци\w*|подробност\w*|коммент\w*|уточн\w*|исправл\w*|додан\w*|додано|доповн\w*"
    r"|інформаці\w*|подробиц\w*|комент\w*|виправл\w*)\b",
    re.I,
)
SHORT_WORDS = 12  # snippets of appeals only count in short segments
BUTTON_WORDS = 5  # an appeal button ("Support us") is this short: its paragraph is the box


#: Words of a publisher asking for support (stems; any of the supported languages).  A
#: newsletter or channel sign-up ("subscribe", "je m'abonne") is page chrome, not an appeal.
SUPPORT_WORDS = re.compile(
    r"\b(support|donat|journalis|unterstütz|spende|spenden|поддерж|пожертв|підтрим"
    r"|журналіст|soutien|souten|υποστήρ|δωρε|help|hilfe|помощ|допомог|aidez|aide)"
    # ... or saying it lives on its readers: "існує завдяки вам", "работает благодаря читателям"
    r"|\b(thanks to (you|our readers|readers)|grâce à (vous|nos lecteurs)|dank (ihnen|euch"
    r"|unseren lesern)|завдяки (вам|читачам)|благодаря (вам|читателям))\b"
    # ... or naming a sum a month: "від 100 гривень на місяць", "$5 a month", "5 € par mois"
    r"|(\d\s*([€$£₴₽]|гривень|грн|рублей|руб|евро|євро|euros?|dollars?|franken|francs?)"
    r"|[€$£₴₽]\s?\d+)\s*(на|в|у|a|per|par|pro|im|/)\s*(місяць|месяц|month|mois|monat)\b",
    re.I,
)


#: A sentence opening with a verb in the second person plural ("Станьте другом …",
#: "Підтримайте нас", "Поддержите …", "Υποστηρίξτε …", "Soutenez une …"): news copy
#: tells, it does not bid its readers (French only before a determiner or a pronoun:
#: "Martinez" and "Gomez" end the same way).
BIDS_READER = re.compile(
    r"\s*([А-ЯІЇЄҐ][а-яіїєґ'’]+(йте|ьте|іть|ите)(ся|сь)?|[Α-ΩΆ-Ώ][α-ωά-ώ]+[σξψ]τε"
    r"|[A-ZÉ][a-zéèêàç]+ez(-| )(vous|nous|la|le|les|l'|un|une|des|du|notre|nos|votre|vos))\b"
)
