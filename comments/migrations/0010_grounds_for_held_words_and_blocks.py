"""Grounds for the two new automatic holds: a word of the list "Wortliste zurückhalten" and a block of
the commenter (when the policy holds blocked commenters' comments instead of refusing them)."""

from django.db import migrations

HOUSE_RULE = "house_rule"

# (code, title, statement)
GROUNDS = [
    (
        "word_list_hold",
        "Wort zur Prüfung (automatische Prüfung)",
        "Ihr Kommentar enthält ein Wort oder eine Wendung, bei der wir genauer hinsehen, bevor wir "
        "veröffentlichen. Eine Person aus unserem Team sieht ihn sich an und gibt ihn frei, wenn er unseren "
        "Kommentarregeln entspricht.",
    ),
    (
        "block",
        "Kommentare dieser Person werden geprüft (automatische Prüfung)",
        "Wir prüfen Ihre Kommentare vor der Veröffentlichung, weil frühere Beiträge gegen unsere "
        "Kommentarregeln verstoßen haben. Eine Person aus unserem Team sieht ihn sich an und gibt ihn frei, "
        "wenn er unseren Kommentarregeln entspricht.",
    ),
]


def seed(apps, schema_editor):
    DecisionGround = apps.get_model("comments", "DecisionGround")
    for code, title, statement in GROUNDS:
        DecisionGround.objects.get_or_create(
            code=code, defaults={"kind": HOUSE_RULE, "title": title, "statement": statement, "sort_order": 2}
        )


def unseed(apps, schema_editor):
    apps.get_model("comments", "DecisionGround").objects.filter(code__in=[code for code, *_ in GROUNDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("comments", "0009_word_lists_and_reasons")]

    operations = [migrations.RunPython(seed, unseed)]
