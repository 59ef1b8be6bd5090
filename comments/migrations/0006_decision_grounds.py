"""The grounds moderators decide with, in our own words (the team rewords them in the admin), and the
Moderatoren group's right to keep them up to date."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HOUSE_RULE, LEGAL = "house_rule", "legal"

# (kind, code, title, statement)
GROUNDS = [
    (
        HOUSE_RULE,
        "links",
        "Zu viele Links (automatische Prüfung)",
        "Ihr Kommentar enthält mehr Links, als wir ohne Prüfung veröffentlichen; so halten wir Werbung aus "
        "der Diskussion. Eine Person aus unserem Team sieht ihn sich an und gibt ihn frei, wenn er unseren "
        "Kommentarregeln entspricht.",
    ),
    (
        HOUSE_RULE,
        "word_list",
        "Unerwünschte Wörter (automatische Prüfung)",
        "Ihr Kommentar enthält ein Wort oder eine Wendung, die wir nach unseren Kommentarregeln nicht "
        "veröffentlichen.",
    ),
    (
        HOUSE_RULE,
        "",
        "Beleidigung, Drohung oder Diskriminierung",
        "Unsere Kommentarregeln schließen Beleidigungen, Drohungen und diskriminierende Äußerungen aus, "
        "auch wenn sie nicht strafbar sind. Kritik an uns ist willkommen, Angriffe auf Menschen nicht.",
    ),
    (
        HOUSE_RULE,
        "",
        "Werbung oder Spam",
        "Unsere Kommentarregeln schließen Werbung und Links aus, die mit der Geschichte nichts zu tun haben.",
    ),
    (
        HOUSE_RULE,
        "",
        "Persönliche Daten",
        "Unsere Kommentarregeln schließen persönliche Daten aus, etwa Telefonnummern, Adressen oder "
        "Kundennummern, auch die eigenen: So schützen wir Sie und andere vor Missbrauch.",
    ),
    (
        HOUSE_RULE,
        "",
        "Anliegen für den Kundenservice",
        "Fragen zu Ihrem Vertrag oder einer Bestellung kann nur unser Kundenservice klären, der in Ihr "
        "Kundenkonto schauen kann. Bitte wenden Sie sich direkt dorthin.",
    ),
    (
        LEGAL,
        "",
        "Beleidigung, üble Nachrede oder Verleumdung (§§ 185 bis 187 StGB)",
        "Ihr Kommentar verletzt nach unserer Prüfung die Ehre einer Person. Das ist in Deutschland "
        "strafbar, deshalb dürfen wir ihn nicht weiter zeigen.",
    ),
    (
        LEGAL,
        "",
        "Volksverhetzung (§ 130 StGB)",
        "Ihr Kommentar greift nach unserer Prüfung Menschen wegen ihrer Herkunft, Religion oder einer "
        "anderen Gruppenzugehörigkeit in einer Weise an, die in Deutschland strafbar ist.",
    ),
    (
        LEGAL,
        "",
        "Bedrohung oder Aufforderung zu Straftaten (§§ 111, 241 StGB)",
        "Ihr Kommentar droht nach unserer Prüfung einer Person oder ruft zu einer Straftat auf. Beides ist "
        "in Deutschland strafbar.",
    ),
    (
        LEGAL,
        "",
        "Kennzeichen verfassungswidriger Organisationen (§ 86a StGB)",
        "Ihr Kommentar verwendet nach unserer Prüfung Kennzeichen einer verbotenen Organisation. Das ist in "
        "Deutschland strafbar.",
    ),
    (
        LEGAL,
        "",
        "Verletzung des Persönlichkeitsrechts (§ 823 BGB, Art. 2 und 1 GG)",
        "Ihr Kommentar verletzt nach unserer Prüfung das Persönlichkeitsrecht einer Person, etwa weil er "
        "Privates über sie öffentlich macht. Sie kann verlangen, dass wir ihn nicht weiter zeigen.",
    ),
    (
        LEGAL,
        "",
        "Urheberrechtsverletzung (§ 97 UrhG)",
        "Ihr Kommentar gibt nach unserer Prüfung fremde Texte oder andere Werke in einem Umfang wieder, den "
        "das Urheberrecht ohne Erlaubnis nicht gestattet.",
    ),
    (
        LEGAL,
        "",
        "Betrug (§ 263 StGB)",
        "Ihr Kommentar soll nach unserer Prüfung andere täuschen, um an ihr Geld oder ihre Daten zu kommen.",
    ),
    (
        LEGAL,
        "",
        "Darstellung sexuellen Missbrauchs von Kindern (§ 184b StGB)",
        "Ihr Kommentar enthält oder verweist nach unserer Prüfung auf Darstellungen sexuellen Missbrauchs "
        "von Kindern. Wir haben ihn entfernt und geben den Vorgang an die Strafverfolgungsbehörden weiter.",
    ),
]

MODERATOR_PERMISSIONS = ["add_decisionground", "change_decisionground", "view_decisionground"]


def seed(apps, schema_editor):
    DecisionGround = apps.get_model("comments", "DecisionGround")
    for order, (kind, code, title, statement) in enumerate(GROUNDS):
        DecisionGround.objects.create(kind=kind, code=code, title=title, statement=statement, sort_order=order)
    app_config = apps.get_app_config("comments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Moderatoren").first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="comments", codename__in=MODERATOR_PERMISSIONS)
        )


def unseed(apps, schema_editor):
    apps.get_model("comments", "DecisionGround").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("comments", "0005_legal_notices_and_decisions")]

    operations = [migrations.RunPython(seed, unseed)]
