"""German texts for the demo site, kept as plain data so `seed_demo` stays about structure, not prose.

The Muster AG and every person in these stories are made up; names of customers are shortened as a
real company would do it.
"""

CREDIT = "Illustration: Muster AG"
VIDEO_URL = "https://vimeo.com/76979871"


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def p(text):
    return ("paragraph", f"<p>{text}</p>")


def quote(text, source):
    return ("quote", {"text": text, "source": source, "source_url": ""})


def info(title, text, tone="info"):
    return (
        "info_box",
        {"title": title, "text": text if text.startswith("<") else f"<p>{text}</p>", "tone": tone},
    )


def picture(motif, alt_text, caption, palette=None):
    """A second illustration inside the story; `seed_demo` draws it and swaps in the Wagtail image."""
    return (
        "image",
        {"motif": motif, "palette": palette, "alt_text": alt_text, "caption": caption, "credit": CREDIT},
    )


def video(title, url=VIDEO_URL):
    return ("embed", {"url": url, "title": title})


SITE_NAME = "Kundengeschichten"
ORGANISATION_NAME = "Muster AG"

HOME = {
    "title": "Start",
    "slug": "start",
    "intro": (
        "Hinter jeder Anfrage steht ein Mensch – und manchmal eine Geschichte. Hier erzählen Kolleginnen "
        "und Kollegen der Muster AG, wie sie geholfen haben: am Telefon, im Chat, an der Haustür und "
        "manchmal vierzig Meter über dem Boden."
    ),
    "call_to_action": {
        "title": "Eine Geschichte erlebt?",
        "text": (
            "Hat Ihnen jemand aus unserem Team geholfen, und Sie möchten davon erzählen? "
            "Wie Sie uns Ihre Geschichte schicken, steht in den häufigen Fragen."
        ),
        "link_text": "Geschichte vorschlagen",
    },
    "lead_story": "pluesch-esel",
    "featured_stories": ["rollstuhl-hochzeit", "mast-im-schnee", "hotline-gebaerdensprache"],
}

STORY_INDEX = {
    "title": "Alle Geschichten",
    "slug": "blog",
    "intro": (
        "Alle Geschichten aus Kundenservice, Technik und sozialen Medien, die neuesten zuerst. "
        "Stöbern Sie nach Themen, Schlagwörtern oder im Archiv."
    ),
}

SITE_SETTINGS = {
    "footer_text": (
        "Geschichten aus dem Alltag der Muster AG: vom Telefon, aus dem Chat, von der Straße.\n"
        "Fragen zu Ihrem Vertrag beantwortet unser Kundenservice unter kontakt@example.org."
    ),
    "social_profiles": [
        ("mastodon", "https://mastodon.example/@musterag"),
        ("instagram", "https://instagram.example/musterag"),
        ("linkedin", "https://linkedin.example/company/muster-ag"),
    ],
}

AUTHORS = [
    {
        "slug": "lena-hoffmann",
        "name": "Lena Hoffmann",
        "role": "Teamleiterin Kundenservice",
        "palette": "kundenservice",
        "bio": (
            "Leitet seit 2019 den Kundenservice der Muster AG mit rund 120 Kolleginnen und Kollegen. "
            "Hat selbst am Telefon angefangen und nimmt bis heute jede Woche ein paar Anrufe an."
        ),
    },
    {
        "slug": "jonas-weber",
        "name": "Jonas Weber",
        "role": "Social-Media-Redakteur",
        "palette": "social-media",
        "bio": (
            "Betreut unsere Kanäle auf Mastodon, Instagram und LinkedIn und liest jede Nachricht, die dort "
            "ankommt. Antwortet gelegentlich in Reimen."
        ),
    },
    {
        "slug": "miriam-schulte",
        "name": "Miriam Schulte",
        "role": "Leiterin Unternehmenskommunikation",
        "palette": "vor-ort",
        "bio": (
            "War Lokaljournalistin, bevor sie zur Muster AG kam. Sammelt die Geschichten für diesen Blog "
            "und fährt dafür am liebsten selbst mit raus."
        ),
    },
]

CATEGORIES = [
    {
        "slug": "kundenservice",
        "name": "Kundenservice",
        "description": (
            "Geschichten vom Telefon, aus dem Chat und aus dem Postfach: wie unser Kundenservice hilft, "
            "wenn es darauf ankommt."
        ),
    },
    {
        "slug": "social-media",
        "name": "Social Media",
        "description": "Was passiert, wenn uns jemand auf Mastodon, Instagram oder LinkedIn um Hilfe bittet.",
    },
    {
        "slug": "vor-ort",
        "name": "Vor Ort",
        "description": (
            "Unterwegs mit Zustellerinnen, Technikern und dem Digitalbus: Hilfe an der Haustür und auf "
            "dem Marktplatz."
        ),
    },
    {
        "slug": "technik",
        "name": "Technik",
        "description": "Masten, Router und Reparaturen – und die Menschen, die dafür sorgen, dass alles läuft.",
    },
]

FAQ = {
    "title": "Häufige Fragen",
    "slug": "faq",
    "intro": "Antworten auf das, was Leserinnen und Leser uns am häufigsten fragen.",
    "questions": [
        (
            "Was ist das hier eigentlich?",
            "<p>Auf diesem Blog erzählen wir Geschichten aus dem Alltag der Muster AG: aus dem Kundenservice, "
            "von unseren Technikerinnen und Technikern, von der Zustellung und aus unseren Kanälen in "
            "sozialen Medien. Es geht nicht um Produkte, sondern um Menschen, die einander geholfen haben.</p>",
        ),
        (
            "Wer schreibt die Geschichten, und sind alle Beteiligten einverstanden?",
            "<p>Die Texte schreibt unser Kommunikationsteam gemeinsam mit den Kolleginnen und Kollegen, die "
            "dabei waren. Wir veröffentlichen eine Geschichte nur, wenn die beteiligten Kundinnen und Kunden "
            "zugestimmt haben. Nachnamen kürzen wir in der Regel ab, auf Wunsch ändern wir auch Vornamen "
            "und Orte.</p>",
        ),
        (
            "Wie kann ich kommentieren?",
            "<p>Unter jeder Geschichte, bei der Kommentare eingeschaltet sind, finden Sie ein Formular. "
            "Sie brauchen dafür kein Konto, nur einen Namen und eine E-Mail-Adresse. Wir schicken Ihnen "
            "einen Link, mit dem Sie bestätigen, dass der Kommentar von Ihnen stammt. Erst danach wird er "
            "geprüft und erscheint.</p>",
        ),
        (
            "Warum ist mein Kommentar noch nicht zu sehen?",
            "<p>Wenn Sie zum ersten Mal bei uns kommentieren, liest jemand aus unserem Moderationsteam Ihren "
            "Beitrag, bevor er erscheint. Das geschieht werktags meist innerhalb weniger Stunden, am "
            "Wochenende kann es länger dauern. Haben Sie den Bestätigungslink in der E-Mail angeklickt? "
            "Ohne Bestätigung prüfen wir nichts, und unbestätigte Kommentare löschen wir nach sieben "
            "Tagen.</p>",
        ),
        (
            "Welche Kommentare werden nicht veröffentlicht?",
            "<p>Wir freuen uns über Lob, Kritik und eigene Erlebnisse. Nicht veröffentlicht werden:</p>"
            "<ul><li>Beleidigungen, Drohungen und diskriminierende Äußerungen,</li>"
            "<li>Werbung und Links, die mit der Geschichte nichts zu tun haben,</li>"
            "<li>persönliche Daten, etwa Telefonnummern, Adressen oder Kundennummern.</li></ul>"
            "<p>Für Fragen zu Ihrem Vertrag oder einer Bestellung wenden Sie sich bitte direkt an unseren "
            "Kundenservice – dort kann man in Ihr Kundenkonto schauen, hier nicht.</p>",
        ),
        (
            "Was passiert mit meinen Daten, wenn ich kommentiere?",
            "<p>Öffentlich sichtbar sind nur der Name, den Sie angeben, Ihr Kommentar und das Datum. Ihre "
            "E-Mail-Adresse zeigen wir nie an, wir nutzen sie nur für die Bestätigung und, wenn Sie es "
            "möchten, für Benachrichtigungen über Antworten. Ihre IP-Adresse speichern wir nur gekürzt. "
            'Alles Weitere steht in unserer <a href="/datenschutz/">Datenschutzerklärung</a>.</p>',
        ),
        (
            "Wie werde ich Benachrichtigungen über Antworten wieder los?",
            "<p>Jede Benachrichtigung enthält einen Link, mit dem Sie weitere E-Mails zu dieser Diskussion "
            "abbestellen können. Ein Klick genügt, ein Konto brauchen Sie dafür nicht.</p>",
        ),
        (
            "Kann ich eine Geschichte vorschlagen?",
            "<p>Sehr gern. Schreiben Sie uns an "
            '<a href="mailto:geschichten@example.org">geschichten@example.org</a>, was passiert ist, wann '
            "und ungefähr wo. Wir melden uns, sprechen mit den Kolleginnen und Kollegen und fragen Sie, "
            "bevor irgendetwas veröffentlicht wird.</p>",
        ),
        (
            "Gibt es einen Newsfeed?",
            "<p>Ja. Alle Geschichten gibt es als "
            '<a href="/blog/feed/">RSS-Feed</a> und als <a href="/blog/feed/atom/">Atom-Feed</a>. '
            "Jede Kategorie hat zusätzlich einen eigenen Feed, den Sie auf der Übersichtsseite der "
            "Kategorie finden. Die Adresse tragen Sie einfach in Ihren Feedreader ein.</p>",
        ),
        (
            "Wie erreiche ich den Kundenservice?",
            "<p>Unser Kundenservice ist rund um die Uhr telefonisch unter +49 123 456789-0 erreichbar, per "
            'E-Mail unter <a href="mailto:kontakt@example.org">kontakt@example.org</a> und werktags von 8 '
            "bis 20 Uhr im Chat. Über die Kommentare unter den Geschichten können wir Ihnen bei "
            "Vertragsfragen leider nicht helfen.</p>",
        ),
    ],
}

PRIVACY = {
    "title": "Datenschutz",
    "slug": "datenschutz",
    "intro": (
        "Wir erheben auf diesem Blog so wenige Daten wie möglich. Hier steht, welche es sind, wozu wir "
        "sie brauchen und wann wir sie wieder löschen."
    ),
    "sections": [
        "<h2>Verantwortlich</h2>"
        "<p>Muster AG<br/>Beispielstraße 1<br/>12345 Musterstadt<br/>"
        'E-Mail: <a href="mailto:datenschutz@example.org">datenschutz@example.org</a></p>'
        "<p>Unsere Datenschutzbeauftragte erreichen Sie unter "
        '<a href="mailto:datenschutzbeauftragte@example.org">datenschutzbeauftragte@example.org</a> '
        "oder per Post an die oben genannte Anschrift mit dem Zusatz »Datenschutzbeauftragte«.</p>",
        "<h2>Wenn Sie diese Website besuchen</h2>"
        "<p>Beim Aufruf einer Seite verarbeitet unser Server technisch notwendige Angaben: die "
        "aufgerufene Adresse, Datum und Uhrzeit, den Browsertyp und Ihre IP-Adresse. Die IP-Adresse "
        "kürzen wir, bevor sie in eine Protokolldatei geschrieben wird, sodass sie keiner Person mehr "
        "zugeordnet werden kann. Die Protokolle brauchen wir, um Fehler und Angriffe zu erkennen, und "
        "löschen sie nach sieben Tagen. Rechtsgrundlage ist unser berechtigtes Interesse an einem "
        "sicheren Betrieb (Art. 6 Abs. 1 lit. f DSGVO).</p>"
        "<p>Wir setzen keine Analyse- oder Werbewerkzeuge ein und keine Cookies, die Sie "
        "wiedererkennen. Schriften, Skripte und Bilder liefern wir selbst aus: Beim Lesen dieser Website "
        "stellt Ihr Browser keine Anfragen an andere Anbieter.</p>",
        "<h2>Kommentare</h2>"
        "<p>Wenn Sie einen Kommentar schreiben, speichern wir:</p>"
        "<ul><li>den Namen, den Sie angeben – er wird mit dem Kommentar veröffentlicht,</li>"
        "<li>Ihre E-Mail-Adresse – sie wird <b>nie</b> öffentlich angezeigt,</li>"
        "<li>den Text des Kommentars und den Zeitpunkt,</li>"
        "<li>Ihre IP-Adresse in gekürzter Form, um Missbrauch und Spam begrenzen zu können.</li></ul>"
        "<p>An Ihre E-Mail-Adresse schicken wir einen Bestätigungslink. Erst wenn Sie ihn anklicken, "
        "prüfen und veröffentlichen wir den Kommentar. Kommentare, die nicht innerhalb von sieben "
        "Tagen bestätigt werden, löschen wir automatisch mitsamt der E-Mail-Adresse. Auf Wunsch "
        "benachrichtigen wir Sie per E-Mail über Antworten; jede dieser Nachrichten enthält einen Link "
        "zum Abbestellen.</p>"
        "<p>Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die Sie beim Absenden "
        "erteilen und jederzeit widerrufen können. Veröffentlichte Kommentare bleiben gespeichert, bis "
        "Sie ihre Löschung verlangen oder wir die Geschichte entfernen.</p>",
        "<h2>Videos</h2>"
        "<p>Manche Geschichten enthalten Videos von YouTube oder Vimeo. Wir binden sie so ein, dass "
        "zunächst nichts vom Anbieter geladen wird. Erst wenn Sie auf »Video laden« klicken, stellt Ihr "
        "Browser eine Verbindung zum Anbieter her; dabei werden mindestens Ihre IP-Adresse und die "
        "aufgerufene Seite übertragen. Wir nutzen dafür den erweiterten Datenschutzmodus von YouTube "
        "und die Einstellung »Do Not Track« von Vimeo. Rechtsgrundlage ist Ihre Einwilligung durch "
        "den Klick.</p>",
        "<h2>Newsfeeds</h2>"
        "<p>Unsere RSS- und Atom-Feeds können Sie ohne Anmeldung abonnieren. Wir erfahren dabei nur, "
        "was jeder Seitenaufruf verrät (siehe oben), und nicht, wer die Feeds liest.</p>",
        "<h2>Empfänger und Speicherort</h2>"
        "<p>Die Website wird bei einem Dienstleister in Deutschland betrieben, der in unserem Auftrag "
        "und nach unseren Weisungen arbeitet (Art. 28 DSGVO). E-Mails verschicken wir über einen "
        "Dienstleister in der Europäischen Union. Eine Übermittlung in Länder außerhalb der EU findet "
        "nicht statt, außer Sie laden ein Video (siehe oben).</p>",
        "<h2>Ihre Rechte</h2>"
        "<p>Sie haben das Recht auf Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO), auf "
        "Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), "
        "Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21). Eine Einwilligung können Sie "
        "jederzeit für die Zukunft widerrufen. Auf Anfrage exportieren oder löschen wir alle Kommentare, "
        "die mit Ihrer E-Mail-Adresse verknüpft sind.</p>"
        "<p>Außerdem können Sie sich bei einer Datenschutz-Aufsichtsbehörde beschweren, etwa bei der "
        "Behörde Ihres Wohnorts oder der für unseren Sitz zuständigen Stelle.</p>",
        "<h2>Kontakt</h2>"
        "<p>Für alle Fragen zum Datenschutz und zur Ausübung Ihrer Rechte genügt eine E-Mail an "
        '<a href="mailto:datenschutz@example.org">datenschutz@example.org</a>. Wir antworten '
        "innerhalb eines Monats, meistens deutlich schneller.</p>"
        "<p><i>Stand: November 2026</i></p>",
    ],
}

IMPRINT = {
    "title": "Impressum",
    "slug": "impressum",
    "intro": "Angaben gemäß § 5 Digitale-Dienste-Gesetz.",
    "sections": [
        "<h2>Anbieterin</h2>"
        "<p>Muster AG<br/>Beispielstraße 1<br/>12345 Musterstadt<br/>Deutschland</p>"
        "<p>Telefon: +49 123 456789-0<br/>"
        'E-Mail: <a href="mailto:kontakt@example.org">kontakt@example.org</a><br/>'
        'Website: <a href="https://www.example.org/">www.example.org</a></p>',
        "<h2>Vertretung und Register</h2>"
        "<p>Vorstand: Max Mustermann (Vorsitz), Erika Beispiel<br/>"
        "Vorsitzende des Aufsichtsrats: Maria Muster</p>"
        "<p>Registergericht: Amtsgericht Musterstadt, HRB 12345<br/>"
        "Umsatzsteuer-Identifikationsnummer: DE000000000</p>",
        "<h2>Verantwortlich für den Inhalt</h2>"
        "<p>Verantwortlich im Sinne von § 18 Abs. 2 Medienstaatsvertrag: Miriam Schulte, Leiterin "
        "Unternehmenskommunikation, Anschrift wie oben.<br/>"
        'E-Mail: <a href="mailto:geschichten@example.org">geschichten@example.org</a></p>',
        "<h2>Verbraucherstreitbeilegung</h2>"
        "<p>Wir sind weder bereit noch verpflichtet, an Streitbeilegungsverfahren vor einer "
        "Verbraucherschlichtungsstelle teilzunehmen. Wenn etwas schiefgelaufen ist, sprechen Sie uns "
        "bitte direkt an – meistens lässt es sich klären.</p>",
        "<h2>Bildnachweis</h2><p>Alle Illustrationen auf dieser Website: Muster AG.</p>",
        "<h2>Hinweis</h2>"
        "<p>Diese Website ist eine Demonstration. Die Muster AG, die genannten Personen, Adressen und "
        "Nummern sowie alle Geschichten sind frei erfunden.</p>",
    ],
}

# Stories, oldest first. The first category decides the colours of the illustrations.
STORIES = [
    {
        "slug": "rollstuhl-hochzeit",
        "title": "Ein neues Rad, zwei Tage vor der Hochzeit",
        "date": "2025-01-14",
        "teaser": (
            "Kurz vor ihrer Hochzeit brach an Sandras Rollstuhl die Radhalterung. Unser Kundenservice hat "
            "ein Ersatzteil aufgetrieben, das es eigentlich erst in drei Wochen gegeben hätte."
        ),
        "authors": ["lena-hoffmann"],
        "categories": ["kundenservice", "vor-ort"],
        "tags": ["Ersatzteil", "Hochzeit", "Expresslieferung"],
        "motif": "wheelchair",
        "hero_alt": "Illustration: ein Rollstuhl mit großem Rad und einem roten Herz vor warmem Orange",
        "hero_caption": "Ohne die kleine Halterung am Vorderrad fährt der Rollstuhl keinen Meter.",
        "body": [
            p(
                "Donnerstagnachmittag, kurz nach vier. Am Telefon ist Sandra M., und man hört ihr an, dass "
                "sie den Tränen nahe ist. Am Samstag will sie heiraten. Am Morgen ist an ihrem Rollstuhl "
                "die Halterung des linken Vorderrads gebrochen, ein kleines Teil aus Aluminium, ohne das sie "
                "keinen Meter fahren kann. Ihr Sanitätshaus hat ihr gesagt: Lieferzeit drei Wochen."
            ),
            p(
                "Den Rollstuhl hatte Sandra vor vier Jahren bei uns bestellt. Am Apparat war Aylin, seit "
                "einem Jahr im Team. »Ich habe ihr gesagt, dass ich nichts versprechen kann«, erinnert sie "
                "sich. »Und dann habe ich alles versucht.«"
            ),
            heading("Ein Teil, drei Telefonate"),
            p(
                "Im Lager hatten wir die Halterung nicht. Aylin rief beim Hersteller an, erreichte dort eine "
                "Kollegin aus dem Ersatzteilversand, die gerade Feierabend machen wollte, und erklärte ihr "
                "die Lage. Die Kollegin blieb. Sie fand das Teil in einem Regal mit Rücksendungen, geprüft "
                "und unbenutzt, und packte es noch am selben Abend ein."
            ),
            p(
                "Damit war es aber noch nicht bei Sandra. Der Paketdienst hätte bis Montag gebraucht. Aylin "
                "buchte einen Kurier, der das Teil am Freitagmorgen abholte und gegen Mittag ablieferte. "
                "Einer unserer Servicetechniker, Markus, fuhr nach seiner letzten Tour noch bei Sandra "
                "vorbei und baute es ein. Zwanzig Minuten, dann stand der Rollstuhl wieder auf vier Rädern."
            ),
            picture(
                "tools",
                "Illustration: Schraubenschlüssel, Schraubendreher und ein kleines Ersatzrad",
                "Zwanzig Minuten Arbeit für Markus – und ein Samstag, der wie geplant stattfinden konnte.",
                palette="vor-ort",
            ),
            quote(
                "Ich bin zum Altar gefahren und nicht geschoben worden. Das war mir wichtiger, als ich es "
                "irgendjemandem erklären konnte. Danke an Aylin, an Markus und an die unbekannte Frau im "
                "Ersatzteillager.",
                "Sandra M. in einer E-Mail an unser Team",
            ),
            p(
                "Die Kurierfahrt haben wir übernommen. Das Foto vom Hochzeitstag, das Sandra uns ein paar "
                "Tage später schickte, hängt seitdem an der Pinnwand im Kundenservice, gleich neben dem "
                "Dienstplan."
            ),
            info(
                "Ersatzteile für Hilfsmittel",
                "Für Rollstühle, Rollatoren und andere Hilfsmittel halten wir die häufigsten Verschleißteile "
                "auf Lager. Ist ein Teil nicht vorrätig, fragen wir beim Hersteller nach geprüften "
                "Rückläufern – das spart oft mehrere Wochen.",
                tone="fact",
            ),
        ],
    },
    {
        "slug": "nachtschicht-onlinebanking",
        "title": "Um halb drei mit Frau Albrecht am Tablet",
        "date": "2025-01-28",
        "teaser": (
            "Eigentlich rief Frau Albrecht wegen ihres neuen Tablets an. Dann hat unser Kollege aus der "
            "Nachtschicht ihr eine Stunde lang geholfen, zum ersten Mal selbst eine Überweisung zu machen."
        ),
        "authors": ["lena-hoffmann"],
        "categories": ["kundenservice", "technik"],
        "tags": ["Nachtschicht", "Senioren", "Onlinebanking", "Geduld"],
        "motif": "tablet",
        "hero_alt": "Illustration: ein Tablet mit einer Person auf dem Bildschirm, dahinter Mondsichel und Sterne",
        "hero_caption": "Nachts rufen vor allem zwei Gruppen an: Menschen ohne Internet und Menschen ohne Schlaf.",
        "body": [
            p(
                "Nachts ist es im Kundenservice ruhig. Zwischen zwei und fünf Uhr rufen vor allem Menschen "
                "an, deren Internet ausgefallen ist, und Menschen, die nicht schlafen können. Frau Albrecht, "
                "81 Jahre alt, gehörte in jener Nacht zur zweiten Gruppe."
            ),
            p(
                "Das Tablet hatte ihr Enkel zu Weihnachten bei uns bestellt, und nun wollte sie endlich die "
                "Stromrechnung selbst bezahlen, ohne auf seinen nächsten Besuch zu warten. Die Banking-App "
                "verlangte eine Freigabe, die Freigabe verlangte eine zweite App, und irgendwann wusste sie "
                "nicht mehr, welches Fenster was von ihr wollte."
            ),
            heading("Eine Stunde, Schritt für Schritt"),
            p(
                "Am Telefon war Deniz, der seit sechs Jahren fast nur Nachtschichten macht. Mit Onlinebanking "
                "haben wir eigentlich nichts zu tun, und Zugangsdaten zu einem Konto darf und will niemand "
                "von uns wissen. »Das habe ich ihr als Erstes gesagt«, erzählt Deniz. »Sagen Sie mir keine "
                "PIN, keine TAN, gar nichts. Lesen Sie mir nur vor, was auf dem Bildschirm steht.«"
            ),
            p(
                "Und so lasen sie gemeinsam. Deniz erklärte, wie man zwischen zwei Apps hin- und herwechselt, "
                "warum die Bank eine Bestätigung schickt und weshalb das Tablet nach einer Minute dunkel "
                "wird. Er ließ Frau Albrecht jeden Schritt selbst machen und wartete, auch wenn es dauerte. "
                "Nach knapp einer Stunde war die Überweisung unterwegs."
            ),
            quote(
                "Der junge Mann hat nicht ein einziges Mal geseufzt. Ich habe es danach gleich noch einmal "
                "allein gemacht, mit der Pacht für den Garten.",
                "Frau Albrecht in einem Brief an unser Team",
            ),
            p(
                "Deniz hat sich über den Brief sehr gefreut, auch wenn er einwendet, mit 46 sei er nicht "
                "mehr ganz so jung. Seine Notizen aus jener Nacht hat er später zu einem kleinen Leitfaden "
                "für Kolleginnen und Kollegen gemacht: was man am Telefon erklären kann, was man besser "
                "lässt und wann man freundlich an die Bank verweist."
            ),
            info(
                "Sicher bleiben",
                "Niemand aus unserem Team fragt jemals nach Ihrer PIN, einer TAN oder einem Passwort. Wer "
                "das am Telefon verlangt, ist nicht von uns. Legen Sie auf und rufen Sie uns unter der "
                "Nummer auf Ihrer Rechnung zurück.",
                tone="tip",
            ),
        ],
    },
    {
        "slug": "koffer-gefunden",
        "title": "Ein grüner Koffer mit einem gelben Herz",
        "date": "2025-03-11",
        "teaser": (
            "Für ihre Reise an die Ostsee hatten Herr und Frau Yilmaz ihr Gepäck vorausgeschickt. "
            "Angekommen ist es nicht – bis unsere Kollegin Petra im Paketzentrum anrief und einen "
            "Aufkleber beschrieb."
        ),
        "authors": ["jonas-weber"],
        "categories": ["kundenservice"],
        "tags": ["Reisen", "Gepäck", "Fundsache"],
        "motif": "suitcase",
        "hero_alt": "Illustration: ein Koffer mit zwei roten Streifen und einem Gepäckanhänger",
        "hero_caption": "Etiketten reißen manchmal ab. Ein Aufkleber der Enkelin hielt.",
        "body": [
            p(
                "Zur goldenen Hochzeit wollten Emine und Hasan Yilmaz eine Woche nach Warnemünde fahren, mit "
                "der Bahn und ohne schweres Gepäck. Den großen Koffer schickten sie deshalb drei Tage vorher "
                "mit unserem Gepäckversand ins Hotel. Als sie ankamen, war er nicht da. Die "
                "Sendungsverfolgung zeigte seit zwei Tagen denselben Eintrag: »Im Paketzentrum bearbeitet.«"
            ),
            p(
                "Petra aus dem Kundenservice übernahm den Fall am Montagmorgen. Etiketten reißen manchmal "
                "ab, erklärt sie, und dann steht ein Koffer ohne Adresse zwischen Tausenden von Paketen. "
                "»Man findet ihn nur, wenn man weiß, wonach man suchen soll.«"
            ),
            heading("Ein Anruf, eine Beschreibung"),
            p(
                "Also rief Petra Herrn Yilmaz an und ließ sich den Koffer beschreiben, so genau es ging. "
                "Grün, Hartschale, eine Delle an der Ecke, ein Namensschild aus Leder. Und auf dem Deckel "
                "ein Aufkleber, den die Enkelin vor Jahren dort angebracht hatte: ein gelbes Herz mit der "
                "Aufschrift »Opa«."
            ),
            p(
                "Mit dieser Beschreibung telefonierte Petra mit der Schichtleitung im Paketzentrum. Zwei "
                "Kollegen gingen in der Mittagspause die Ablage für Sendungen ohne lesbares Etikett durch. "
                "Nach einer halben Stunde kam ein Foto aufs Handy: ein grüner Koffer mit gelbem Herz."
            ),
            quote(
                "Wir hatten schon überlegt, uns in Warnemünde neue Badesachen zu kaufen. Dann klingelte am "
                "Dienstag der Bote, und der Koffer stand an der Rezeption. Mein Mann hat ihn umarmt.",
                "Emine Yilmaz auf Facebook",
            ),
            p(
                "Der Koffer fuhr noch am selben Nachmittag mit einem Kurier an die Ostsee. Fünf von sieben "
                "Urlaubstagen hatten die beiden ihre eigenen Sachen. Die Kosten für die Sonderfahrt und für "
                "das Nötigste, das sie in den ersten Tagen kaufen mussten, haben wir erstattet."
            ),
            p(
                "Im Paketzentrum hat der Fall etwas verändert: Sendungen ohne Etikett werden seitdem "
                "fotografiert und mit einer kurzen Beschreibung erfasst, damit der Kundenservice sie bei "
                "einer Suche schneller findet."
            ),
            info(
                "Gepäck gut verschicken",
                "<ul><li>Die Adresse zusätzlich innen in den Koffer legen.</li>"
                "<li>Ein Foto vom Koffer machen, bevor er auf die Reise geht.</li>"
                "<li>Auffällige Anhänger oder Aufkleber helfen beim Wiederfinden.</li></ul>",
                tone="tip",
            ),
        ],
    },
    {
        "slug": "geburtstagstorte",
        "title": "Die Torte, die fast im Stau stand",
        "date": "2025-04-08",
        "teaser": (
            "Eine Vollsperrung auf der Autobahn, eine Geburtstagstorte im Kühlfach und ein Fahrer, der "
            "einen Feldweg kannte. Wie Lottes siebter Geburtstag doch noch pünktlich beginnen konnte."
        ),
        "authors": ["miriam-schulte"],
        "categories": ["vor-ort", "kundenservice"],
        "tags": ["Lieferung", "Geburtstag", "Zustellung"],
        "motif": "cake",
        "hero_alt": "Illustration: eine zweistöckige Torte mit drei Kerzen vor grünem Hintergrund",
        "hero_caption": "Drei Stockwerke, Erdbeeren und ein Einhorn aus Zuckerguss – alles heil angekommen.",
        "body": [
            p(
                "Lotte wurde an einem Samstag im April sieben Jahre alt, und ihre Torte kam von einer "
                "Konditorei, die über unseren Lieferdienst ausliefert: drei Stockwerke, Erdbeeren, ein "
                "Einhorn aus Zuckerguss. Die Feier sollte um drei Uhr beginnen. Um halb zwei stand unser "
                "Fahrer Kemal auf der A7 in einem Stau, der sich nicht mehr bewegte. Ein Lastwagen hatte "
                "sich quergestellt, die Autobahn war voll gesperrt."
            ),
            p(
                "Kemal meldete sich bei der Disposition, und dort saß an diesem Tag Jana. Sie rief Lottes "
                "Vater an, um ihn vorzuwarnen, und hörte im Hintergrund schon die ersten Kinder. »Da wusste "
                "ich, dass wir uns etwas einfallen lassen müssen.«"
            ),
            heading("Übergabe auf dem Feldweg"),
            p(
                "Kemal stand zweihundert Meter vor einem Parkplatz, von dem ein Wirtschaftsweg zur "
                "Landstraße führt. Er kennt die Gegend, weil er dort aufgewachsen ist. Die Polizei leitete "
                "die Autos ohnehin gerade über den Seitenstreifen ab, also durfte er auf den Parkplatz "
                "fahren. Jana hatte inzwischen einen Kollegen auf der anderen Seite der Sperrung erreicht, "
                "der mit einem kleinen Kühltransporter am Ende des Feldwegs wartete."
            ),
            p(
                "Die Übergabe der Torte zwischen zwei Lieferwagen, mitten zwischen Rapsfeldern, dauerte "
                "keine zwei Minuten. Kemal sagt, er habe selten so langsam und vorsichtig einen Karton "
                "getragen."
            ),
            quote(
                "Um fünf nach drei klingelte es, und da stand ein Mann mit unserer Torte. Das Einhorn hatte "
                "nicht einmal eine Schramme. Lotte hat ihn gefragt, ob er mitfeiern will.",
                "Lottes Vater auf Instagram",
            ),
            p(
                "Mitgefeiert hat der Kollege nicht, er hatte noch zwölf Pakete im Wagen. Ein Stück Torte "
                "hat er aber mitgenommen, in Alufolie, auf dem Beifahrersitz. Kemal hat es am Abend auf dem "
                "Display seines Handys gesehen: Lotte hatte ein Foto geschickt, wie sie die Kerzen auspustet."
            ),
            info(
                "Was bei Sperrungen passiert",
                "Steckt ein Fahrzeug mit gekühlter oder eiliger Ware fest, sucht unsere Disposition nach "
                "einem zweiten Fahrzeug in der Nähe. Im vergangenen Jahr haben wir so über 300 Lieferungen "
                "trotz Stau pünktlich zugestellt.",
                tone="fact",
            ),
        ],
    },
    {
        "slug": "hotline-gebaerdensprache",
        "title": "Unsere Hotline spricht jetzt Gebärdensprache",
        "date": "2025-05-20",
        "teaser": (
            "Gehörlose Kundinnen und Kunden erreichen uns jetzt per Videoanruf in Deutscher "
            "Gebärdensprache. Die Idee kam von einem Kunden, umgesetzt haben sie drei Kolleginnen mit "
            "zwei Jahren Abendkurs."
        ),
        "authors": ["miriam-schulte", "lena-hoffmann"],
        "categories": ["kundenservice", "technik"],
        "tags": ["Barrierefreiheit", "Gebärdensprache", "Hotline"],
        "motif": "hand",
        "hero_alt": "Illustration: eine offene Hand mit einem Herz in der Handfläche, umgeben von Schallbögen",
        "hero_caption": "Drei Kolleginnen haben zwei Jahre lang abends Gebärdensprache gelernt.",
        "body": [
            p(
                "Der Anstoß kam vor zwei Jahren in einer E-Mail. Herr Lorenz, gehörlos seit seiner Geburt, "
                "schrieb uns, dass er bei jedem Problem mit seinem Internetanschluss seine Tochter bitten "
                "müsse, für ihn bei uns anzurufen. Der Chat helfe ihm nur bedingt, denn Deutsch sei für ihn "
                "eine Fremdsprache. Seine Muttersprache sei die Deutsche Gebärdensprache."
            ),
            p(
                "Die E-Mail landete bei Lena Hoffmann, die den Kundenservice leitet. Sie las sie zweimal und "
                "fragte dann im Team, wer Lust habe, eine neue Sprache zu lernen."
            ),
            heading("Zwei Jahre Abendkurs"),
            p(
                "Drei Kolleginnen meldeten sich: Carla, Nadine und Svetlana. Sie besuchten zwei Jahre lang "
                "einen Kurs an der Volkshochschule; die Muster AG übernahm die Kosten und die Hälfte der "
                "Zeit. Parallel baute unser Technikteam einen Videozugang, der im Browser funktioniert und "
                "keine zusätzliche App braucht."
            ),
            p(
                "Die drei sind keine Dolmetscherinnen, und das sagen sie auch offen. Für komplizierte "
                "Vertragsfragen schalten sie kostenlos eine professionelle Dolmetscherin dazu. Für die "
                "meisten Anliegen aber reicht, was sie gelernt haben: ein Router, der blinkt, eine Rechnung, "
                "die nicht stimmt, ein Umzug."
            ),
            video("Carla zeigt, wie die Video-Hotline funktioniert"),
            quote(
                "Zum ersten Mal habe ich selbst mit meinem Anbieter gesprochen. Ohne meine Tochter, ohne "
                "Zettel. Das klingt klein. Ist es aber nicht.",
                "Herr Lorenz in unserem Kundenforum",
            ),
            p(
                "Im ersten Monat kamen 140 Videoanrufe, deutlich mehr als erwartet. Zwei weitere Kollegen "
                "haben im Herbst mit dem Kurs begonnen, und Herr Lorenz hat angeboten, beim Üben zu helfen."
            ),
            info(
                "So erreichen Sie die Video-Hotline",
                "Montag bis Freitag von 9 bis 17 Uhr über die Schaltfläche »Videoanruf in Gebärdensprache« "
                "auf unserer Kontaktseite. Sie brauchen nur einen Browser und eine Kamera.",
            ),
        ],
    },
    {
        "slug": "gedicht-fuer-einen-tweet",
        "title": "Wenn die Beschwerde sich reimt",
        "date": "2025-07-03",
        "teaser": (
            "Ein Kunde beschwerte sich über sein langsames Internet – in vier gereimten Zeilen. Unser "
            "Social-Media-Team antwortete in Versen und hat das Problem nebenbei auch gelöst."
        ),
        "authors": ["jonas-weber"],
        "categories": ["social-media"],
        "tags": ["Humor", "Lyrik", "Störung"],
        "motif": "bubbles",
        "hero_alt": "Illustration: zwei Sprechblasen, in der einen drei Punkte, in der anderen ein Herz",
        "hero_caption": "Vier Zeilen Beschwerde, acht Zeilen Antwort und ein Techniker im Wagen.",
        "body": [
            p(
                "Beschwerden kommen bei uns in vielen Formen an. Die meisten sind knapp, manche wütend, "
                "einige sehr lang. Ein Beitrag an einem heißen Dienstag im Juni war anders:"
            ),
            quote(
                "Ich wollte heut’ ein Video sehn,\ndoch es lädt und lädt und lädt.\n"
                "Die Kringel drehen sich so schön –\nliebe Muster AG, ist es schon zu spät?",
                "Herr F. auf Mastodon",
            ),
            p(
                "Jonas, der an dem Tag unsere Kanäle betreute, las das zweimal. Dann schickte er Herrn F. "
                "eine Direktnachricht mit der Bitte um seine Kundennummer, prüfte den Anschluss und setzte "
                "sich mit seinem Kaffee hin. Zwanzig Minuten später stand die öffentliche Antwort:"
            ),
            quote(
                "Zu spät ist’s nie, das sei versprochen!\nWir haben nachgesehen:\n"
                "Ein Port im Verteiler ist gebrochen,\nda blieb Ihr Video stehen.\n"
                "Ein Techniker ist schon im Wagen,\num fünf ist alles wieder klar –\n"
                "dann dürfen Sie die Kringel fragen,\nwohin sie sind. Sie sind nicht da.",
                "Unser Social-Media-Team auf Mastodon",
            ),
            heading("Erst die Lösung, dann der Reim"),
            p(
                "Was uns an dieser Geschichte wichtig ist: Das Gedicht war nett, aber es war nicht die "
                "Lösung. Bevor Jonas auch nur eine Zeile geschrieben hatte, hatte er mit der Technik "
                "telefoniert und den Fehler im Verteiler gefunden. Der Techniker war tatsächlich schon "
                "unterwegs. Ein lustiger Reim ohne Hilfe wäre eine schlechte Antwort gewesen."
            ),
            p(
                "Herr F. meldete sich am Abend noch einmal, natürlich in Versen, und bedankte sich für den "
                "schnellen Einsatz. Der Wechsel wurde ein paar tausend Mal geteilt, und seitdem kommt etwa "
                "einmal im Monat eine gereimte Beschwerde bei uns an. Wir antworten gern im selben Ton, "
                "solange es passt. Bei einem Ausfall am Heiligabend haben wir es gelassen."
            ),
            info(
                "Social Media in Zahlen",
                "Unser Team beantwortet Nachrichten auf Mastodon, Instagram und LinkedIn an sieben Tagen "
                "in der Woche. Die mittlere Antwortzeit lag im vergangenen Jahr bei 38 Minuten.",
                tone="fact",
            ),
        ],
    },
    {
        "slug": "lastenrad-zur-pruefung",
        "title": "Mit dem Lastenrad zur Abschlussprüfung",
        "date": "2025-07-24",
        "teaser": (
            "Am Abend vor ihrer Prüfung gab Mias Laptop auf. Ein Ersatzgerät lag in unserem Stadtlager – "
            "und eine Kollegin aus dem Kundenservice hat es am nächsten Morgen vorbeigeradelt."
        ),
        "authors": ["miriam-schulte"],
        "categories": ["vor-ort"],
        "tags": ["Lastenrad", "Prüfung", "Garantie"],
        "motif": "bicycle",
        "hero_alt": "Illustration: ein Fahrrad mit orangefarbenem Rahmen, daneben ein Kreis mit Pluszeichen",
        "hero_caption": "Vier Kilometer, eine halbe Stunde, zehn Minuten Puffer.",
        "body": [
            p(
                "Mia K. studiert Architektur und sollte am nächsten Morgen um neun Uhr ihre Abschlussarbeit "
                "präsentieren. Um kurz nach zehn am Abend davor ging ihr Laptop aus und nicht wieder an. "
                "Das Gerät hatte sie ein Jahr zuvor bei uns gekauft, es war noch in der Garantie. Sie "
                "schrieb uns im Chat, ohne große Hoffnung, eher, um irgendetwas zu tun."
            ),
            p(
                "Im Chat saß Fatma, die an diesem Abend Spätschicht hatte. Sie prüfte den Bestand: Im "
                "Stadtlager, vier Kilometer von Mias Wohnung entfernt, stand ein baugleiches Modell. Der "
                "Kurierdienst hätte frühestens am Mittag liefern können, also drei Stunden zu spät."
            ),
            heading("Ein Umweg auf dem Arbeitsweg"),
            p(
                "Fatma fährt jeden Morgen mit dem Lastenrad zur Arbeit, und das Stadtlager liegt fast auf "
                "ihrem Weg. Sie sprach noch am Abend mit ihrer Teamleiterin, holte das Gerät am nächsten "
                "Morgen um sieben ab und stand um halb acht vor Mias Haustür. Das kaputte Gerät nahm sie "
                "gleich mit."
            ),
            p(
                "Mias Präsentation lag zum Glück in einem Online-Speicher. Sie hatte eine gute Stunde, um "
                "alles einzurichten, und erreichte die Hochschule mit zehn Minuten Puffer."
            ),
            quote(
                "Ich habe eine Eins. Und ich habe meinen Kommilitonen erzählt, dass mir mein Laptop mit "
                "dem Lastenrad gebracht wurde. Sie glauben es bis heute nicht.",
                "Mia K. im Chat mit unserem Kundenservice",
            ),
            p(
                "Solche Fahrten sind bei uns nicht die Regel, und Fatma betont, dass sie es nur gemacht hat, "
                "weil es so gut gepasst hat. Aus dem Fall ist trotzdem etwas Dauerhaftes geworden: In drei "
                "Städten tauschen wir Geräte in der Garantie seit dem Sommer noch am selben Tag aus, "
                "geliefert mit Lastenrädern."
            ),
            info(
                "Vor wichtigen Terminen",
                "Speichern Sie wichtige Dateien zusätzlich auf einem USB-Stick oder in einem Online-Speicher. "
                "Ein Gerät lässt sich ersetzen, eine Abschlussarbeit nur mit viel Mühe.",
                tone="tip",
            ),
        ],
    },
    {
        "slug": "schulklasse-zu-besuch",
        "title": "Die Klasse 4b am Headset",
        "date": "2025-09-16",
        "teaser": (
            "Was passiert eigentlich, wenn man bei einer Hotline anruft? Die Klasse 4b der Grundschule am "
            "Mühlenweg wollte es genau wissen und hat einen Vormittag in unserem Kundenservice verbracht."
        ),
        "authors": ["lena-hoffmann"],
        "categories": ["vor-ort", "kundenservice"],
        "tags": ["Schule", "Einblick", "Kinder"],
        "motif": "chalkboard",
        "hero_alt": "Illustration: eine Tafel auf einer Staffelei mit drei abgehakten Zeilen",
        "hero_caption": "Auf die Tafel kamen die Fragen der Kinder. Es wurden viele.",
        "body": [
            p(
                "Die Anfrage kam von einer Lehrerin: Ihre Klasse behandle gerade das Thema Berufe, und ein "
                "Schüler habe gefragt, wer eigentlich ans Telefon gehe, wenn seine Mutter wegen des "
                "Internets anrufe. Ob man sich das einmal ansehen könne?"
            ),
            p(
                "Man konnte. An einem Dienstagmorgen im September saßen 24 Kinder in unserem Schulungsraum, "
                "jedes mit einem Namensschild und einem Headset, das natürlich nirgends angeschlossen war."
            ),
            heading("Fragen, die wir selten hören"),
            p(
                "Lena Hoffmann, die den Kundenservice leitet, hatte eine Stunde Programm vorbereitet. Die "
                "Kinder hatten andere Pläne. Sie wollten wissen, ob man am Telefon angeschrien wird "
                "(manchmal), ob man nachts schläft (die Nachtschicht nicht), ob es Süßigkeiten gibt (ja, in "
                "der Küche) und ob schon einmal jemand Berühmtes angerufen hat (darüber reden wir nicht)."
            ),
            p(
                "Danach durften die Kinder in Zweiergruppen Anrufe spielen: Eine rief an, einer half. Die "
                "Anliegen hatten sie sich selbst ausgedacht. Ein Hamster hatte das Ladekabel angeknabbert, "
                "ein Opa fand den Fernseher nicht mehr, ein Paket war angeblich auf dem Mond gelandet."
            ),
            quote(
                "Am schwierigsten ist, dass man nicht sieht, was der andere meint. Man muss ganz viel "
                "fragen.",
                "Ein Schüler der Klasse 4b",
            ),
            p(
                "Besser hätten wir die Arbeit im Kundenservice auch nicht zusammenfassen können. Zum Abschied "
                "bekam jedes Kind eine Urkunde als »Hotline-Profi«, und unser Team bekam einen Stapel "
                "gemalter Bilder, die jetzt im Flur hängen. Auf einem steht ein Mensch mit Headset vor "
                "einem sehr großen Telefon. Darunter steht: »Frau Hoffmann hilft allen.«"
            ),
            info(
                "Besuche für Schulklassen",
                "Zweimal im Jahr laden wir Grundschulklassen aus der Region zu uns ein. Lehrkräfte können "
                "sich über unsere Kontaktseite melden.",
            ),
        ],
    },
    {
        "slug": "waschmaschine-drillinge",
        "title": "Drillinge, eine Waschmaschine und ein Samstag",
        "date": "2025-10-07",
        "teaser": (
            "Bei Familie B. fallen mit drei Babys täglich zwei Maschinen Wäsche an. Als die Waschmaschine "
            "am Freitagabend streikte, kam unser Techniker am Samstag – mit dem passenden Teil im Gepäck."
        ),
        "authors": ["miriam-schulte"],
        "categories": ["technik", "vor-ort"],
        "tags": ["Reparatur", "Familie", "Wochenende"],
        "motif": "washer",
        "hero_alt": "Illustration: eine weiße Waschmaschine mit runder Tür vor blauem Hintergrund",
        "hero_caption": "Laugenpumpe defekt: ein häufiger Fehler, der nie zu einem guten Zeitpunkt kommt.",
        "body": [
            p(
                "Wer Drillinge hat, lernt schnell, in Maschinenladungen zu rechnen. Bei Familie B. waren es "
                "zwei am Tag, manchmal drei. Am Freitagabend blieb die Waschmaschine mitten im Programm "
                "stehen, voller Wasser, mit einer Fehlermeldung, die auch die Bedienungsanleitung nicht "
                "erklärte."
            ),
            p(
                "Herr B. rief um acht Uhr abends an. Die Reparatur-Hotline ist am Wochenende eigentlich nur "
                "für Notfälle da: Wasserschäden, ausgefallene Heizungen im Winter. Für eine Waschmaschine "
                "hätte es den nächsten Termin am Dienstag gegeben."
            ),
            heading("Was ist ein Notfall?"),
            p(
                "Am Telefon war Stefanie, und als im Hintergrund ein Baby zu weinen anfing, dann ein zweites "
                "und ein drittes, fragte sie nach. »Drei Babys, keine Waschmaschine, vier Tage – für mich "
                "war das ein Notfall«, sagt sie. Sie ließ sich die Fehlernummer vorlesen und sprach mit dem "
                "Techniker im Bereitschaftsdienst. Der erkannte den Code sofort: Laugenpumpe."
            ),
            picture(
                "headset",
                "Illustration: ein Headset mit einer Sprechblase voller Punkte",
                "Freitagabend, 20 Uhr: Stefanie nimmt den Anruf von Familie B. an.",
            ),
            p(
                "Uwe, seit 22 Jahren Techniker bei uns, hatte eine solche Pumpe nicht im Wagen. Er fuhr am "
                "Samstagmorgen zuerst ins Lager und dann zu Familie B. Nach einer Stunde lief die Maschine "
                "wieder. Das Wasser aus der Trommel hatte er vorher eimerweise abgelassen, während Herr B. "
                "ihm erzählte, dass die Kinder Ella, Fynn und Matteo heißen und zusammen elf Kilo wiegen."
            ),
            quote(
                "Uwe hat nicht nur die Pumpe getauscht, er hat uns auch gezeigt, wie man das Sieb sauber "
                "macht. Wir haben schon drei Söckchen darin gefunden.",
                "Familie B. in einer Bewertung",
            ),
            info(
                "Wenn die Waschmaschine streikt",
                "Viele Fehler liegen am Flusensieb. Es sitzt meist unten vorn hinter einer kleinen Klappe. "
                "Legen Sie ein flaches Gefäß und ein Handtuch bereit, bevor Sie es öffnen.",
                tone="tip",
            ),
        ],
    },
    {
        "slug": "brief-mit-fuellfederhalter",
        "title": "Ein Brief mit Füllfederhalter",
        "date": "2025-11-18",
        "teaser": (
            "Herr Wiesinger schreibt uns seit Jahren nur mit der Hand, auf kariertem Papier. Irgendwann "
            "haben wir angefangen, ihm genauso zu antworten."
        ),
        "authors": ["lena-hoffmann"],
        "categories": ["kundenservice"],
        "tags": ["Brief", "Handschrift", "Post"],
        "motif": "envelope",
        "hero_alt": "Illustration: ein Briefumschlag mit Herzsiegel und Briefmarke",
        "hero_caption": "Rund 400 Briefe im Monat erreichen unseren Kundenservice. Einige davon von Hand.",
        "body": [
            p(
                "Die meisten Anfragen erreichen uns per Telefon, Chat oder E-Mail. Ein paar hundert im Monat "
                "kommen noch mit der Post, und einer unserer treuesten Briefeschreiber ist Herr Wiesinger, "
                "88 Jahre alt, pensionierter Lehrer für Deutsch und Latein."
            ),
            p(
                "Er schreibt mit Füllfederhalter, auf kariertem Papier, und er schreibt nicht nur, wenn etwas "
                "nicht stimmt. Er schreibt auch, wenn ihm etwas gefällt, wenn ihm ein Wort in unserer Werbung "
                "missfällt oder wenn der Bote besonders freundlich war."
            ),
            heading("Die Antwort aus dem Drucker"),
            p(
                "Lange haben wir ihm ordentlich und korrekt geantwortet: ein Standardbrief, ausgedruckt, mit "
                "eingescannter Unterschrift. Bis Herr Wiesinger im vergangenen Winter schrieb, er bekomme "
                "von uns Briefe, aber keine Antworten. »Ich schreibe Ihnen, weil ich einen Menschen erreichen "
                "möchte. Ihre Briefe hat ein Drucker geschrieben.«"
            ),
            p(
                "Der Brief landete bei Rosa, die im Kundenservice die Post bearbeitet. Sie setzte sich in der "
                "Mittagspause hin und antwortete mit der Hand: dass sie Rosa heiße, dass sie seinen Brief "
                "zweimal gelesen habe und dass seine Rechnung tatsächlich falsch gewesen sei. Die Gutschrift "
                "sei veranlasst."
            ),
            quote(
                "Sehr geehrte Frau Rosa, Ihre Handschrift ist besser als die meiner Schüler und Ihre Antwort "
                "besser als die meiner Bank. Ich werde Ihnen weiterhin schreiben, ob Sie wollen oder nicht.",
                "Herr Wiesinger in seinem nächsten Brief",
            ),
            p(
                "Seitdem geht etwa alle zwei Monate ein Brief hin und her. Rosa hat sich einen eigenen "
                "Füller gekauft, und Herr Wiesinger korrigiert gelegentlich ihre Kommasetzung, mit Bleistift "
                "und sehr höflich. Sie sagt, die Briefe an ihn dauern länger als jede andere Anfrage, und "
                "sie seien ihr die liebsten."
            ),
            info(
                "Post an den Kundenservice",
                "Jeder Brief an unseren Kundenservice wird von einem Menschen gelesen. Wer mit der Hand "
                "schreibt und es sich wünscht, bekommt auch eine handschriftliche Antwort.",
                tone="fact",
            ),
        ],
    },
    {
        "slug": "mast-im-schnee",
        "title": "Vierzig Meter über dem Schnee",
        "date": "2025-12-09",
        "teaser": (
            "Nach einem Wintersturm war ein ganzes Dorf im Harz ohne Mobilfunk und Internet. Unser "
            "Techniker Piotr ist bei minus zwölf Grad auf den Mast gestiegen, damit bis zum Abend alles "
            "wieder läuft."
        ),
        "authors": ["miriam-schulte"],
        "categories": ["technik", "vor-ort"],
        "tags": ["Winter", "Mobilfunk", "Störung", "Techniker"],
        "motif": "mast",
        "hero_alt": "Illustration: ein Funkmast mit Antennen, umgeben von Schneeflocken, vor dunkelblauem Himmel",
        "hero_caption": "Bei Sturm darf niemand auf den Mast. Piotr wartete, bis der Wind nachließ.",
        "body": [
            p(
                "Der Sturm kam in der Nacht zum Dienstag. Am Morgen lag im Oberharz ein halber Meter "
                "Neuschnee, und in Altenbrunn, einem Dorf mit 600 Einwohnerinnen und Einwohnern, ging nichts "
                "mehr: kein Mobilfunk, kein Internet und damit auch kein Hausnotruf für die älteren "
                "Menschen, die dort allein leben."
            ),
            p(
                "Die Störung zeigte sich in unserer Netzleitstelle um 5.40 Uhr. Ein Teil der Antenne auf dem "
                "Mast am Ortsrand war vereist, eine Verbindung abgerissen. Reparieren kann man so etwas nur "
                "von oben."
            ),
            heading("Seil, Thermoskanne, Geduld"),
            p(
                "Piotr Nowak ist seit elf Jahren Höhentechniker bei uns. Er und sein Kollege Ben brauchten "
                "für die 30 Kilometer zum Mast fast zwei Stunden, die letzten Meter stapften sie zu Fuß "
                "durch den Schnee. Bei Sturm darf niemand auf einen Mast, also warteten sie im Wagen, bis der "
                "Wind gegen Mittag nachließ."
            ),
            p(
                "Dann stieg Piotr hinauf, doppelt gesichert, vierzig Meter hoch. Oben löste er das Eis mit "
                "einem Holzhammer, tauschte den beschädigten Stecker und dichtete alles neu ab. Die "
                "Handschuhe musste er zum Arbeiten ausziehen, immer nur für ein paar Minuten. Ben hielt unten "
                "Kontakt mit der Leitstelle und den Tee warm."
            ),
            picture(
                "house",
                "Illustration: ein Haus mit erleuchtetem Fenster, darüber ein Blitz",
                "Um 15.20 Uhr waren die Häuser in Altenbrunn wieder verbunden.",
                palette="vor-ort",
            ),
            p(
                "Um 15.20 Uhr meldete die Leitstelle, dass alle Verbindungen wieder stehen. Der Bürgermeister "
                "rief am nächsten Tag an, um sich zu bedanken, und das Pflegeheim im Ort schickte eine "
                "Weihnachtskarte an das ganze Team."
            ),
            quote(
                "Ich mache den Job wegen solcher Tage. Nicht wegen der Kälte. Wegen des Moments, wenn unten "
                "jemand anruft und sagt: Es geht wieder.",
                "Piotr Nowak, Höhentechniker",
            ),
            info(
                "Sicherheit geht vor",
                "Auf Masten arbeiten bei uns immer mindestens zwei Personen. Ab einer Windgeschwindigkeit "
                "von 55 km/h oder bei Gewitter steigt niemand hinauf, egal wie dringend die Störung ist.",
                tone="fact",
            ),
        ],
    },
    {
        "slug": "hausnotruf-router",
        "title": "Der Router, an dem ein Hausnotruf hing",
        "date": "2026-02-10",
        "teaser": (
            "Nach einem Tarifwechsel funktionierte bei Frau Demir der Hausnotruf nicht mehr, und niemand "
            "merkte es. Wie ein Techniker den Fehler zufällig fand und was wir seitdem anders machen."
        ),
        "authors": ["lena-hoffmann"],
        "categories": ["technik"],
        "tags": ["Hausnotruf", "Router", "Fehlerkultur"],
        "motif": "house",
        "hero_alt": "Illustration: ein kleines Haus mit erleuchtetem Fenster und einem gelben Blitz am Himmel",
        "hero_caption": "Telefon, Fernsehen und Internet liefen. Der Notruf nicht.",
        "comments_enabled": False,
        "body": [
            p(
                "Auf diese Geschichte sind wir nicht stolz, und gerade deshalb erzählen wir sie. Im Januar "
                "wechselte Frau Demir, 79, in einen neuen Tarif. Dazu gehörte ein neuer Router, den ihr "
                "Sohn anschloss. Alles schien zu funktionieren: Telefon, Fernsehen, Internet."
            ),
            p(
                "Was niemand wusste: Ihr Hausnotrufgerät, ein Knopf am Handgelenk und eine kleine "
                "Basisstation im Flur, hatte am alten Router an einem Anschluss gehangen, den der neue "
                "anders einstellt. Drei Wochen lang hätte ein Druck auf den Knopf niemanden erreicht."
            ),
            heading("Ein Blick in den Flur"),
            p(
                "Aufgefallen ist es durch Zufall. Unser Techniker Hakan war wegen einer ganz anderen Sache "
                "bei Frau Demir: Das Fernsehbild ruckelte. Im Flur sah er die Basisstation und fragte, ob "
                "der Notruf schon einmal getestet worden sei. Er testete ihn dann gemeinsam mit der Zentrale "
                "des Notrufdienstes. Es kam kein Signal an."
            ),
            p(
                "Hakan stellte den Anschluss um, testete dreimal und ließ sich die Verbindung von der "
                "Zentrale bestätigen. Frau Demir ist in den drei Wochen zum Glück nichts passiert."
            ),
            info(
                "Was wir geändert haben",
                "<ul><li>Bei jedem Tarifwechsel fragen wir, ob ein Hausnotruf, ein Aufzugnotruf oder eine "
                "Alarmanlage am Anschluss hängt.</li>"
                "<li>Neue Router stellen wir für solche Geräte vorab richtig ein.</li>"
                "<li>Unsere Technikerinnen und Techniker bieten bei jedem Hausbesuch einen Test an.</li></ul>",
            ),
            p(
                "Wir haben uns bei Frau Demir und ihrer Familie entschuldigt. Ihr Sohn hat uns geschrieben, "
                "er sei froh, dass jemand hingeschaut habe, obwohl es nicht sein Auftrag gewesen sei."
            ),
            quote(
                "Der Techniker hat mehr gemacht, als auf seinem Zettel stand. Dafür sind wir dankbar. Dass "
                "es überhaupt passieren konnte, soll hoffentlich niemandem mehr passieren.",
                "Der Sohn von Frau Demir in einer E-Mail",
            ),
            p(
                "Unter dieser Geschichte sind die Kommentare geschlossen, weil sie eine Familie betrifft, "
                "die nicht öffentlich darüber sprechen möchte. Fragen zum Hausnotruf beantwortet unser "
                "Kundenservice gern direkt."
            ),
        ],
    },
    {
        "slug": "vierzehn-sprachen",
        "title": "Vierzehn Sprachen unter einem Dach",
        "date": "2026-03-17",
        "teaser": (
            "Eine Austauschstudentin ohne mobiles Internet, eine Nachricht auf Instagram und eine Liste im "
            "Intranet, auf der mehr Sprachen stehen als auf unserer Website."
        ),
        "authors": ["jonas-weber"],
        "categories": ["kundenservice", "social-media"],
        "tags": ["Sprachen", "Team", "Prepaid"],
        "motif": "globe",
        "hero_alt": "Illustration: ein Globus mit Längen- und Breitengraden, daneben zwei Sprechblasen",
        "hero_caption": "Von Arabisch bis Vietnamesisch: Auf der Liste stehen inzwischen 14 Sprachen.",
        "body": [
            p(
                "Haruka T. war seit drei Wochen als Austauschstudentin in Leipzig, als ihre Prepaid-Karte "
                "von uns plötzlich keine Daten mehr übertrug. Sie schrieb uns an einem Freitagabend auf "
                "Instagram, auf Englisch und sichtlich verzweifelt: kein Internet, keine Karten-App, und am "
                "nächsten Morgen wollte sie zum ersten Mal allein mit dem Zug nach Dresden."
            ),
            p(
                "Jonas aus dem Social-Media-Team antwortete auf Englisch und merkte schnell, dass die "
                "Unterhaltung holperte. Die Aufladung war zwar gebucht, aber Haruka verstand nicht, welche "
                "Nachricht sie zur Bestätigung per SMS schicken sollte."
            ),
            heading("Die Liste im Intranet"),
            p(
                "Seit zwei Jahren gibt es bei uns eine freiwillige Liste im Intranet: Wer mag, trägt dort "
                "ein, welche Sprachen er oder sie spricht, auch wenn es mit der eigenen Arbeit nichts zu tun "
                "hat. Inzwischen stehen 14 Sprachen darauf. Bei Japanisch steht ein einziger Name: Yuki aus "
                "der Buchhaltung."
            ),
            p(
                "Yuki war schon auf dem Heimweg, rief aber zurück. Zehn Minuten telefonierte sie mit Haruka, "
                "erklärte Schritt für Schritt, was zu tun war, und blieb dran, bis die Datenverbindung "
                "stand. Danach suchte sie ihr noch den schnellsten Zug nach Dresden heraus."
            ),
            quote(
                "It was like calling home. Thank you, Yuki-san, and thank you, Muster AG!",
                "Haruka T. auf Instagram",
            ),
            p(
                "Aus der Liste ist seitdem mehr geworden. Wer sich dort einträgt, kann sich als "
                "Ansprechperson für solche Fälle melden, freiwillig und in Absprache mit dem eigenen Team. "
                "Im vergangenen Jahr kamen so rund 60 Gespräche in elf Sprachen zustande. Yuki hat übrigens "
                "inzwischen Verstärkung: Ein Auszubildender aus der Logistik hat ein Jahr in Osaka gelebt."
            ),
            info(
                "Unsere Sprachen",
                "Neben Deutsch und Englisch beantworten wir Anfragen regelmäßig auf Türkisch, Polnisch, "
                "Russisch, Ukrainisch und Arabisch. Für alle anderen Sprachen fragen wir im Team, wer "
                "helfen kann.",
                tone="fact",
            ),
        ],
    },
    {
        "slug": "verlobungsring",
        "title": "Ein Ring, ein Zahlendreher und ein Antrag",
        "date": "2026-05-05",
        "teaser": (
            "Für seinen Heiratsantrag hatte Jan einen Ring bestellt, zugestellt wurde er an der falschen "
            "Hausnummer. Unsere Zustellerin Birgit wusste noch, wo das Päckchen lag – eine Stunde vor dem "
            "Antrag."
        ),
        "authors": ["miriam-schulte"],
        "categories": ["vor-ort"],
        "tags": ["Zustellung", "Verlobung", "Paket"],
        "motif": "ring",
        "hero_alt": "Illustration: ein goldener Ring mit einem Stein, umgeben von Herzen",
        "hero_caption": "Hausnummer 14 statt 41 – ein Zahlendreher auf dem Etikett.",
        "body": [
            p(
                "Jan W. hatte alles geplant: ein Abendessen am Freitag, eine Bank am Fluss, ein Ring aus "
                "einer kleinen Goldschmiede in Freiburg. Der Ring sollte am Freitagmittag ankommen. Laut "
                "Sendungsverfolgung kam er auch an, nur nicht bei Jan. »Beim Nachbarn abgegeben«, stand da, "
                "ohne Namen."
            ),
            p(
                "Jan rief um halb fünf bei uns an. Die Kollegin am Telefon, Sevgi, sah in den Daten, dass die "
                "Zustellung an Hausnummer 14 statt 41 gegangen war: ein Zahlendreher auf dem Etikett. Und "
                "die Nachbarn in Nummer 14 waren, wie Jan bald herausfand, über das Wochenende verreist."
            ),
            heading("Birgit erinnert sich"),
            p(
                "Sevgi rief die Zustellerin an, die an diesem Tag in der Straße unterwegs gewesen war. "
                "Birgit hatte ihre Tour schon beendet, erinnerte sich aber an das Päckchen, weil es so klein "
                "war. Sie hatte es in Nummer 14 nicht den Nachbarn gegeben, sondern der älteren Dame im "
                "Erdgeschoss, die für das ganze Haus Pakete annimmt."
            ),
            p(
                "Birgit fuhr noch einmal hin, mit dem eigenen Auto. Die Dame gab das Päckchen heraus, "
                "nachdem Birgit sich ausgewiesen und Sevgi am Telefon alles bestätigt hatte. Um 18.10 Uhr "
                "hielt Jan den Ring in der Hand. Um 19 Uhr begann das Abendessen."
            ),
            quote(
                "Sie hat Ja gesagt. Das wollte ich euch nur sagen. Und dass Birgit eine Heldin ist.",
                "Jan W. auf Facebook",
            ),
            p(
                "Birgit sagt, sie habe nichts Besonderes gemacht, sie habe nur ein gutes Gedächtnis für "
                "kleine Päckchen. Der Zahlendreher ist übrigens beim Versand in der Goldschmiede passiert. "
                "Die Inhaberin hat sich bei Jan mit einer kostenlosen Gravur entschuldigt: das Datum des "
                "Antrags, innen im Ring."
            ),
            info(
                "Beim Nachbarn abgegeben?",
                "In der Sendungsverfolgung sehen Sie meist, an welcher Adresse Ihr Paket abgegeben wurde. "
                "Fehlt der Name, hilft unser Kundenservice weiter. Für Schmuck und andere wertvolle "
                "Sendungen können Sie die Abgabe beim Nachbarn ganz ausschließen.",
                tone="tip",
            ),
        ],
    },
    {
        "slug": "digitalbus",
        "title": "Der Digitalbus hält auf dem Marktplatz",
        "date": "2026-05-26",
        "teaser": (
            "Einmal im Monat fährt unser umgebauter Bus in Dörfer ohne Geschäftsstelle. An Bord: drei "
            "Kolleginnen, zehn Tablets und sehr viel Zeit für Fragen."
        ),
        "authors": ["lena-hoffmann", "miriam-schulte"],
        "categories": ["vor-ort", "technik"],
        "tags": ["Senioren", "Digitale Teilhabe", "Ländlicher Raum"],
        "motif": "bus",
        "hero_alt": "Illustration: ein heller Bus mit orangefarbenem Streifen vor grünem Hintergrund",
        "hero_caption": "Ein ausgemusterter Linienbus, innen mit Tischen, Stühlen und einer Rampe.",
        "body": [
            p(
                "Um zehn Uhr steht der Bus auf dem Marktplatz von Kleinhausen, um fünf nach zehn ist die "
                "erste Frage gestellt. Eine Frau mit Einkaufskorb möchte wissen, wie man auf dem neuen Handy "
                "die Schrift größer stellt. Ihr Nachbar will Fotos an die Enkel in Australien schicken. Ein "
                "Ehepaar fragt, ob sich ein Glasfaseranschluss für sie überhaupt lohnt."
            ),
            p(
                "Den Digitalbus gibt es seit einem Jahr. Er ist ein ausgemusterter Linienbus, innen mit "
                "Tischen, bequemen Stühlen und einer Rampe für Rollstühle. Einmal im Monat fährt er eine "
                "Route durch Orte, in denen es längst keine Geschäftsstelle mehr gibt, oft auch keine Bank "
                "und keinen Laden."
            ),
            heading("Keine Verkaufsveranstaltung"),
            p(
                "An Bord sind drei Kolleginnen aus dem Kundenservice, und sie verkaufen nichts. Das war die "
                "wichtigste Regel, als das Projekt begann. Wer einen Vertrag abschließen möchte, bekommt "
                "eine Telefonnummer. Im Bus geht es um Fragen, und die dürfen alles betreffen, auch Geräte "
                "und Anschlüsse anderer Anbieter."
            ),
            picture(
                "chalkboard",
                "Illustration: eine Tafel auf einer Staffelei mit drei abgehakten Zeilen",
                "Die häufigsten Fragen des Tages sammelt das Team auf einer Tafel im Bus.",
            ),
            p(
                "Die häufigsten Fragen sind erstaunlich beständig: Wie erkenne ich eine betrügerische "
                "Nachricht? Wie mache ich einen Videoanruf? Wo sind meine Fotos hin? Gabi, die seit dem "
                "ersten Tag dabei ist, hat dafür kleine Karten mit Anleitungen gestaltet, in großer Schrift "
                "und zum Mitnehmen."
            ),
            quote(
                "Ich war dreimal da. Jetzt telefoniere ich jeden Sonntag mit meiner Urenkelin, mit Bild. Sie "
                "zeigt mir ihr Zimmer, ich zeige ihr meinen Garten.",
                "Herr S., 91, aus Kleinhausen",
            ),
            p(
                "Im ersten Jahr kamen rund 1.800 Menschen in den Bus. Ab Herbst fährt ein zweiter, gemeinsam "
                "mit zwei Landkreisen, die die Haltestellen auf den Marktplätzen organisieren."
            ),
            info(
                "Wann der Bus kommt",
                "Den Fahrplan des Digitalbusses finden Sie in den Gemeindeblättern der Orte auf der Route "
                "und bei unserem Kundenservice. Eine Anmeldung ist nicht nötig.",
            ),
        ],
    },
    {
        "slug": "reparaturcafe",
        "title": "Samstags im Reparaturcafé",
        "date": "2026-11-04",
        "teaser": (
            "Ein Toaster von 1978, ein Radio ohne Ton, ein Fahrradlicht, das nur flackert: Zwei unserer "
            "Techniker schrauben jeden ersten Samstag im Monat ehrenamtlich im Reparaturcafé ihres "
            "Stadtteils."
        ),
        "authors": ["jonas-weber"],
        "categories": ["vor-ort", "technik"],
        "tags": ["Reparatur", "Ehrenamt", "Nachhaltigkeit"],
        "motif": "tools",
        "hero_alt": "Illustration: Schraubenschlüssel und Schraubendreher über Kreuz, daneben ein kleines Rad",
        "hero_caption": "Reparieren heißt im Reparaturcafé auch: zeigen, wie es geht.",
        "body": [
            p(
                "Der erste Gast steht schon vor der Tür, als Rainer und Sibel um halb zehn die Werkzeugkisten "
                "ins Gemeindehaus tragen. Er hat einen Toaster dabei, Baujahr 1978, ein Hochzeitsgeschenk. "
                "Seit einer Woche bleibt er kalt."
            ),
            p(
                "Rainer und Sibel arbeiten unter der Woche als Servicetechniker bei uns. Am ersten Samstag "
                "jedes Monats reparieren sie ehrenamtlich im Reparaturcafé ihres Stadtteils, zusammen mit "
                "einer Schneiderin, einem pensionierten Elektromeister und einer Studentin, die sich mit "
                "Fahrrädern auskennt. Die Muster AG stellt Werkzeug und Ersatzteile aus Restbeständen."
            ),
            heading("Reparieren heißt auch erklären"),
            p(
                "Der Toaster hat einen gebrochenen Draht an der Heizspirale. Sibel lötet, der Besitzer schaut "
                "zu und stellt Fragen. Das ist Absicht: Im Reparaturcafé repariert man möglichst gemeinsam. "
                "Wer zuschaut, weiß beim nächsten Mal, wo er hinschauen muss, und traut sich vielleicht "
                "selbst heran."
            ),
            p(
                "Nicht alles lässt sich retten. Das Radio aus den Neunzigern braucht ein Bauteil, das es "
                "nicht mehr gibt. Rainer schreibt dem Besitzer auf, wonach er auf Flohmärkten suchen kann. "
                "An einem guten Samstag gehen etwa zwei Drittel der Geräte repariert wieder nach Hause."
            ),
            quote(
                "Ich hätte ihn fast weggeworfen. Jetzt weiß ich, wie er innen aussieht, und er toastet "
                "wieder wie am ersten Tag.",
                "Ein Besucher des Reparaturcafés",
            ),
            p(
                "Seit diesem Herbst zählt ein Samstag im Reparaturcafé bei uns als Arbeitszeit, bis zu sechs "
                "Mal im Jahr. Vier weitere Kolleginnen und Kollegen haben sich seitdem gemeldet und helfen "
                "in ihren eigenen Städten mit."
            ),
            info(
                "Ein Reparaturcafé in Ihrer Nähe",
                "Reparaturcafés gibt es in vielen Städten und Gemeinden. Bringen Sie Ihr Gerät möglichst mit "
                "Netzteil und Bedienungsanleitung mit, und planen Sie etwas Zeit ein.",
                tone="tip",
            ),
        ],
    },
    {
        "slug": "pluesch-esel",
        "title": "Wie Esel Emil wieder nach Hause kam",
        "date": "2026-11-18",
        "teaser": (
            "Der dreijährige Paul hatte seinen Plüschesel Emil an einer Raststätte verloren. Seine Eltern "
            "fragten im Netz, ob es so einen Esel noch irgendwo gibt – unser Kollege Tobias hat gesucht, "
            "bis er einen fand."
        ),
        "authors": ["jonas-weber", "lena-hoffmann"],
        "categories": ["kundenservice", "social-media"],
        "tags": ["Kuscheltier", "Familie", "Suche"],
        "motif": "donkey",
        "hero_alt": "Illustration: ein grauer Plüschesel mit langen Ohren und einem roten Herz vor warmem Orange",
        "hero_caption": "Der neue Emil hat ein nachgenähtes rotes Herz, genau wie das Original.",
        "body": [
            heading("Eine Nachricht am Sonntagabend"),
            p(
                "Es war ein Sonntagabend Ende Oktober, als auf unserem Instagram-Kanal eine Nachricht "
                "einging, die mit unserem Geschäft eigentlich nur am Rande zu tun hatte. Familie K. war auf "
                "der Rückfahrt aus dem Urlaub, irgendwo zwischen Kassel und Göttingen hatten sie an einer "
                "Raststätte gehalten. Als sie wieder auf der Autobahn waren, fehlte Emil: ein grauer "
                "Plüschesel mit langen Ohren und einem roten Herz, seit Pauls Geburt sein ständiger "
                "Begleiter."
            ),
            quote(
                "Liebe Muster AG, wir wissen, dass das nicht eure Aufgabe ist. Aber ihr habt Emil vor drei "
                "Jahren verkauft, und vielleicht liegt irgendwo noch einer im Regal. Paul schläft seit zwei "
                "Nächten kaum. Wir würden fast alles dafür geben.",
                "Familie K. auf Instagram",
            ),
            p(
                "Jonas aus dem Social-Media-Team las die Nachricht am Montagmorgen und leitete sie an den "
                "Kundenservice weiter, mit dem Vermerk: »Ich weiß, das ist keine Reklamation. Aber "
                "vielleicht?« Eine Stunde später lag sie auf dem Tisch von Tobias Brandt."
            ),
            heading("Drei Lager und eine Werkstatt"),
            p(
                "Das Modell, fand Tobias schnell heraus, war seit zwei Jahren nicht mehr im Sortiment. Im "
                "System stand bei allen Lagern eine Null. Tobias rief trotzdem an: zuerst im Zentrallager, "
                "dann in den beiden Außenlagern, in denen Rücksendungen sortiert werden. »Die Kollegen haben "
                "mich erst ausgelacht und dann tatsächlich die Kisten mit Restposten durchgesehen«, erzählt "
                "er."
            ),
            picture(
                "boxes",
                "Illustration: Regale voller Kartons, davor eine große Lupe",
                "Drei Lager, unzählige Kartons: Die Kolleginnen und Kollegen haben die Restposten von Hand "
                "durchsucht.",
            ),
            p(
                "Ein Esel fand sich nicht. Also schrieb Tobias den Hersteller an, eine kleine "
                "Spielzeugmanufaktur im Erzgebirge. Die Antwort kam am nächsten Tag: Emil werde nicht mehr "
                "gefertigt, aber in der Werkstatt gebe es noch ein Musterstück. Die Inhaberin nähte ihm sogar "
                "das rote Herz an, nach einem Foto, das die Familie geschickt hatte."
            ),
            heading("Die Übergabe"),
            p(
                "Eine Woche nach der Nachricht stand Tobias mit einem Karton vor der Haustür der Familie, die "
                "nur zwanzig Minuten von unserem Standort entfernt wohnt. Paul nahm den Esel, drückte ihn an "
                "sich, betrachtete lange die Ohren und sagte dann: »Emil war im Urlaub.« Mehr Erklärung "
                "brauchte es nicht."
            ),
            p(
                "Pauls Mutter schrieb am Abend noch einmal auf Instagram. Inzwischen haben mehrere tausend "
                "Menschen den Beitrag gesehen, und in den Kommentaren erzählen viele von ihren eigenen "
                "verlorenen Kuscheltieren. Tobias antwortet dort geduldig, auch auf die Frage, ob wir nicht "
                "noch einen blauen Hasen finden könnten."
            ),
            info(
                "Kuscheltier verloren?",
                "Fundsachen von Raststätten, Bahnhöfen und Flughäfen landen meist im zuständigen Fundbüro; "
                "viele Städte bieten eine Suche im Internet an. Und wenn das Lieblingsstück aus unserem Shop "
                "stammt: Schreiben Sie uns mit Bestellnummer oder Foto. Wir schauen, was sich machen lässt.",
                tone="tip",
            ),
        ],
    },
]

# Pinned related stories: story slug -> slugs shown first under "Verwandte Geschichten".
RELATED = {
    "pluesch-esel": ["gedicht-fuer-einen-tweet", "koffer-gefunden"],
    "mast-im-schnee": ["hausnotruf-router", "waschmaschine-drillinge"],
}

# Never published: shows editors what a draft looks like, invisible to readers.
DRAFT_STORY = {
    "slug": "entwurf-beispiel",
    "title": "Die Idee aus dem Kummerkasten",
    "date": "2026-12-01",
    "teaser": (
        "Ein Kunde schlug vor, Störungsmeldungen per SMS zu verschicken. Ein halbes Jahr später war "
        "daraus eine Funktion geworden. (Entwurf, noch nicht freigegeben.)"
    ),
    "authors": ["jonas-weber"],
    "categories": ["technik"],
    "tags": ["Idee", "Entwurf"],
    "motif": "bulb",
    "hero_alt": "Illustration: eine leuchtende Glühbirne mit Strahlen vor blauem Hintergrund",
    "hero_caption": "Noch in Arbeit.",
    "body": [
        p(
            "Im Frühjahr steckte in unserem Kummerkasten auf der Website ein Vorschlag, der uns nicht mehr "
            "losließ: Warum erfahre ich von einer Störung erst, wenn ich selbst anrufe?"
        ),
        heading("Notizen für den Text"),
        p("Hier fehlen noch das Gespräch mit dem Technikteam, Zahlen aus dem ersten Monat und ein Zitat."),
        info("Vor der Freigabe", "Zitat vom Kunden freigeben lassen und Zahlen prüfen.", tone="info"),
    ],
}

# Reader comments under a story, created once while the story has none. `reply_to` names the key
# of an earlier comment; times are local (Europe/Berlin). Readers are made up, addresses are
# example.org.
STORY_COMMENTS = {
    "pluesch-esel": [
        {
            "key": "sabine",
            "name": "Sabine Krüger",
            "email": "sabine.krueger@example.org",
            "date": "2026-11-18 19:42",
            "text": (
                "Ich sitze gerade mit feuchten Augen am Küchentisch. Unsere Große hatte jahrelang ein "
                "Schaf namens Wolke, und ich weiß noch genau, wie sich die Nacht anfühlte, in der es "
                "verschwunden war. Dass jemand für ein Kuscheltier drei Lager abtelefoniert, hätte ich "
                "keiner Firma zugetraut."
            ),
        },
        {
            "key": "ahmet",
            "name": "Ahmet Yıldız",
            "email": "ahmet.yildiz@example.org",
            "date": "2026-11-19 07:15",
            "text": (
                "»Emil war im Urlaub.« Besser kann man es nicht sagen, Kinder haben einfach für alles "
                "eine Erklärung. Gibt es eigentlich ein Foto vom neuen Emil mit seinem nachgenähten Herz?"
            ),
        },
        {
            "key": "jana",
            "reply_to": "sabine",
            "name": "Jana Petersen",
            "email": "jana.petersen@example.org",
            "date": "2026-11-20 08:10",
            "text": (
                "Das kenne ich, Sabine. Bei uns war es ein Hase mit nur noch einem Ohr, liegen geblieben "
                "im Zug nach Hamburg. Das Fundbüro hat ihn nach vier Tagen tatsächlich zurückgeschickt. "
                "Seitdem steht unsere Telefonnummer auf dem Etikett."
            ),
        },
        {
            "key": "tobias",
            "reply_to": "ahmet",
            "name": "Tobias vom Kundenservice",
            "email": "tobias.brandt@example.org",
            "team": True,
            "date": "2026-11-20 11:24",
            "text": (
                "Hallo Ahmet, danke für die netten Worte! Ein Foto zeigen wir aus Rücksicht auf die "
                "Familie lieber nicht. Aber so viel darf ich verraten: Das Herz sitzt ein kleines bisschen "
                "schief, genau wie beim alten Emil. Paul hat das als Erstes geprüft und war zufrieden."
            ),
        },
        {
            "key": "ahmet-danke",
            "reply_to": "tobias",
            "name": "Ahmet Yıldız",
            "email": "ahmet.yildiz@example.org",
            "date": "2026-11-21 18:03",
            "text": (
                "Schief ist genau richtig, sonst wäre es ja nicht Emil. Danke fürs Antworten, und schöne "
                "Grüße an die Werkstatt im Erzgebirge!"
            ),
        },
        {
            "key": "claudia",
            "name": "Claudia Neumann",
            "email": "claudia.neumann@example.org",
            "date": "2026-11-23 21:37",
            "text": (
                "Eine schöne Geschichte, wirklich. Ein ganz kleines bisschen neidisch bin ich trotzdem, "
                "meine Störungsmeldung im Sommer hat deutlich länger gedauert als eine Woche. Aber Hut ab "
                "vor Tobias und den Kollegen, die im Lager die Kisten durchwühlt haben."
            ),
            # A reader thought this belongs elsewhere: the moderators' "Gemeldet" queue.
            "reports": [
                {"reason": "other", "note": "Eher eine Beschwerde als ein Kommentar zur Geschichte."}
            ],
        },
        {
            "key": "markus",
            "reply_to": "claudia",
            "name": "Markus Wendt",
            "email": "markus.wendt@example.org",
            "date": "2026-11-24 18:05",
            "status": "pending",
            "text": (
                "Bei meiner Störung im Sommer ging es auch nicht schneller, Claudia. Weiß jemand, ob man "
                "so etwas inzwischen online verfolgen kann?"
            ),
        },
        {
            "key": "lea",
            "name": "Lea Hoffmann",
            "email": "lea.hoffmann@example.org",
            "date": "2026-11-24 22:51",
            "status": "pending",
            "text": (
                "Wir haben auch so einen Esel zu Hause, er heißt Karotte. Ich zeige meiner Tochter morgen "
                "früh die Geschichte, sie wird begeistert sein."
            ),
        },
    ],
}

# Loaded only with `seed_demo --comments N`: one story whose discussion has N comments, to see
# how the page and the admin cope with a long thread.
BENCHMARK_STORY = {
    "slug": "viele-kommentare",
    "title": "Eine Geschichte mit vielen Kommentaren",
    "date": "2026-11-10",
    "teaser": (
        "Diese Seite zeigt, wie eine Geschichte mit einer langen, verschachtelten Diskussion aussieht. "
        "Die Kommentare sind ausgedacht und werden auf Wunsch in beliebiger Zahl erzeugt."
    ),
    "authors": ["jonas-weber"],
    "categories": ["social-media"],
    "tags": ["Kommentare"],
    "motif": "bubbles",
    "hero_image": "gedicht-fuer-einen-tweet",  # reuses that story's picture
    "hero_alt": "Illustration: zwei Sprechblasen, in der einen drei Punkte, in der anderen ein Herz",
    "hero_caption": "Viele Stimmen, eine Seite.",
    "body": [
        p(
            "Manche Geschichten lösen eine Diskussion aus, die länger ist als der Text selbst. Diese Seite "
            "ist für genau diesen Fall da: Unter ihr stehen so viele Kommentare, wie beim Anlegen der "
            "Demo-Inhalte gewünscht wurden, mit Antworten und Antworten auf Antworten."
        ),
        info(
            "Nur zum Ausprobieren",
            "Alle Namen und Beiträge auf dieser Seite sind erfunden. Angelegt wird sie mit dem Befehl "
            "»manage.py seed_demo --comments 1000«.",
        ),
    ],
}

# Registered readers (username, first name, last name); a third of the benchmark comments are theirs.
READER_ACCOUNTS = [
    ("leser1", "Anna", "Becker"),
    ("leser2", "Murat", "Demir"),
    ("leser3", "Katrin", "Lorenz"),
    ("leser4", "Felix", "Hartmann"),
    ("leser5", "Sophie", "Wagner"),
    ("leser6", "Lukas", "Brandl"),
    ("leser7", "Ewa", "Nowak"),
    ("leser8", "Thomas", "Richter"),
    ("leser9", "Leonie", "Schubert"),
    ("leser10", "Jan", "Albers"),
]

# Guests who comment without an account.
GUEST_READERS = [
    "Birgit Sommer",
    "Hans-Peter Kühn",
    "Merve Aydın",
    "Paula Engel",
    "Dirk Lehmann",
    "Greta Voss",
    "Nikolai Petrow",
    "Ute Seidel",
    "Carlos Romero",
    "Ingrid Haas",
    "Malte Jansen",
    "Yvonne Beck",
]

TEAM_NAME = "Tobias vom Kundenservice"
TEAM_EMAIL = "tobias.brandt@example.org"

# Texts the benchmark comments are drawn from; some span several paragraphs or contain a link.
BENCHMARK_TOPICS = [
    "Schön zu lesen, dass es so etwas noch gibt. Ich hatte mit Kundenservice bisher eher das Gegenteil "
    "erlebt.",
    "Mich würde interessieren, wie viele solcher Anfragen bei euch pro Woche ankommen. Das kann doch "
    "nicht jedes Mal so ausgehen?",
    "Ehrlich gesagt finde ich, dass so etwas selbstverständlich sein sollte. Trotzdem: gut gemacht.",
    "Bei mir hat es letztes Jahr drei Anrufe gebraucht, bis jemand mein Problem verstanden hat.\n\n"
    "Der vierte Kollege war dann allerdings großartig und hat alles an einem Nachmittag gelöst.",
    "Ich habe die Geschichte gleich meiner Mutter weitergeleitet. Sie ist seit dreißig Jahren Kundin "
    "und meinte nur: »Siehst du, das sag ich doch.«",
    "Gibt es dazu auch irgendwo Zahlen? Ich habe nur die alte Übersicht unter "
    "https://www.example.org/kundenservice/zahlen gefunden.",
    "Wunderbar geschrieben. Mehr solche Geschichten, bitte!",
    "Ich arbeite selbst im Kundenservice, in einer ganz anderen Branche.\n"
    "Solche Tage sind der Grund, warum man den Job trotz allem gern macht.",
]

BENCHMARK_REPLIES = [
    "Da stimme ich dir zu.",
    "Sehe ich ein bisschen anders, aber ich verstehe, was du meinst.",
    "Genau das habe ich auch gedacht, als ich den Text gelesen habe.",
    "Bei uns war es ganz ähnlich. Am Ende hat ein einziger Anruf gereicht, man muss nur die richtige "
    "Person erwischen.",
    "Danke für den Hinweis! Die Seite kannte ich noch nicht: https://www.example.org/hilfe",
    "Hast du das schon mal dem Kundenservice direkt geschrieben? Die antworten inzwischen ziemlich schnell.",
    "Ha, das kenne ich.\n\nBei meinem Vater war es übrigens genauso, nur mit einem Fax.",
    "Das ist ein guter Punkt, über den ich noch gar nicht nachgedacht hatte.",
    "Ich glaube, da verwechselst du zwei Geschichten. Die mit dem Koffer war doch im März.",
    "Volle Zustimmung. Und schön, dass hier so freundlich diskutiert wird.",
]

BENCHMARK_TEAM_REPLIES = [
    "Danke für Ihre Nachricht! Schreiben Sie uns gern Ihre Kundennummer an kontakt@example.org, dann "
    "sehen wir uns das direkt an.",
    "Das freut uns sehr zu lesen. Wir geben das Lob an die Kolleginnen und Kollegen weiter.",
    "Gute Frage! Genaue Zahlen veröffentlichen wir einmal im Jahr, die aktuelle Übersicht steht unter "
    "https://www.example.org/kundenservice/zahlen.",
]
