"""A made-up WordPress export of any size, for `make bench-import` and the reader's memory test.

Written line by line, so a file of thousands of posts never sits in memory; the same arguments always give
the same file. The texts are ours, in German, with umlauts and an emoji like a real customer blog.
"""

import datetime
import random
from xml.sax.saxutils import escape

AUTHORS = [("jkoehler", "Jana Köhler"), ("mdemir", "Mo Demir"), ("sbrandt", "Sören Brandt")]
CATEGORIES = [("kundenservice", "Kundenservice"), ("technik", "Technik"), ("gluecksmomente", "Glücksmomente")]
TAGS = [("pluesch", "Plüsch"), ("ueberraschung", "Überraschung"), ("nachtschicht", "Nachtschicht")]
PARAGRAPHS = [
    "Als die Nachricht bei uns ankam, war schnell klar: Hier geht es um mehr als ein Ersatzteil.",
    "Unser Team hat drei Lager angerufen, bis sich in Köln das passende Stück fand.",
    "Am nächsten Morgen stand der Kurier vor der Tür – pünktlich zum Frühstück ☕.",
    "Manchmal ist guter Service einfach: zuhören, nachfragen, dranbleiben.",
]
COMMENTS = [
    "Was für eine schöne Geschichte!",
    "Genau so wünscht man sich Kundenservice. 👍",
    "Hatten wir letztes Jahr auch, ging genauso schnell.",
    "Danke fürs Teilen – und Grüße an das Team in Köln.",
]
NAMES = ["Ayşe", "Jürgen", "Maëlle", "Ole", "Zoë", "Björn"]
HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Beispiel-Kundenblog</title><link>{site}</link><language>de-DE</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{site}</wp:base_site_url>
<wp:base_blog_url>{site}</wp:base_blog_url>
"""


def cdata(value):
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def wp_time(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def write_sample_export(path, *, posts, comments_per_post, site="https://alt.example.com", seed=1):
    """Writes an export of `posts` published posts with `comments_per_post` comments each (about a third
    of them replies) and returns the path."""
    rng = random.Random(seed)  # noqa: S311 - repeatable sample data, no secrets
    start = datetime.datetime(2020, 1, 6, 9, 0)
    comment_id = 100_000
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD.format(site=site))
        for number, (login, name) in enumerate(AUTHORS, start=1):
            out.write(
                f"<wp:author><wp:author_id>{number}</wp:author_id><wp:author_login>{cdata(login)}"
                f"</wp:author_login><wp:author_display_name>{cdata(name)}</wp:author_display_name>"
                f"<wp:author_email>{login}@example.com</wp:author_email></wp:author>\n"
            )
        for number, (slug, name) in enumerate(CATEGORIES, start=10):
            out.write(
                f"<wp:category><wp:term_id>{number}</wp:term_id><wp:category_nicename>{slug}"
                f"</wp:category_nicename><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n"
            )
        for number, (slug, name) in enumerate(TAGS, start=20):
            out.write(
                f"<wp:tag><wp:term_id>{number}</wp:term_id><wp:tag_slug>{slug}</wp:tag_slug>"
                f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n"
            )
        for post in range(1, posts + 1):
            local = start + datetime.timedelta(hours=17 * post)
            slug = f"geschichte-{post}"
            login = AUTHORS[post % len(AUTHORS)][0]
            category, tag = CATEGORIES[post % len(CATEGORIES)], TAGS[post % len(TAGS)]
            body = "\n\n".join(
                [
                    f"<!-- wp:paragraph -->\n<p>{escape(rng.choice(PARAGRAPHS))}</p>\n<!-- /wp:paragraph -->",
                    '<!-- wp:heading -->\n<h2 class="wp-block-heading">Wie es weiterging</h2>\n'
                    "<!-- /wp:heading -->",
                    f"<!-- wp:paragraph -->\n<p>{escape(rng.choice(PARAGRAPHS))} "
                    f"<strong>Fall {post}</strong>.</p>\n<!-- /wp:paragraph -->",
                ]
            )
            out.write(
                f"<item><title>{cdata(f'Geschichte Nummer {post}: ein Fall für den Service')}</title>"
                f"<link>{site}/{local:%Y/%m/%d}/{slug}/</link>"
                f"<dc:creator>{cdata(login)}</dc:creator>"
                f'<guid isPermaLink="false">{site}/?p={post}</guid>'
                f"<content:encoded>{cdata(body)}</content:encoded>"
                f"<excerpt:encoded>{cdata('')}</excerpt:encoded>"
                f"<wp:post_id>{post}</wp:post_id><wp:post_date>{wp_time(local)}</wp:post_date>"
                f"<wp:post_date_gmt>{wp_time(local - datetime.timedelta(hours=1))}</wp:post_date_gmt>"
                f"<wp:comment_status>open</wp:comment_status><wp:post_name>{slug}</wp:post_name>"
                f"<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent>"
                f"<wp:post_type>post</wp:post_type>"
                f'<category domain="category" nicename="{category[0]}">{cdata(category[1])}</category>'
                f'<category domain="post_tag" nicename="{tag[0]}">{cdata(tag[1])}</category>\n'
            )
            thread = []
            for index in range(comments_per_post):
                comment_id += 1
                parent = rng.choice(thread) if thread and rng.random() < 0.35 else 0
                thread.append(comment_id)
                moment = local + datetime.timedelta(minutes=7 * (index + 1))
                name = rng.choice(NAMES)
                out.write(
                    f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
                    f"<wp:comment_author>{cdata(name)}</wp:comment_author>"
                    f"<wp:comment_author_email>{name.lower()}.{index}@example.org</wp:comment_author_email>"
                    f"<wp:comment_author_url></wp:comment_author_url>"
                    f"<wp:comment_author_IP>192.0.2.{index % 250}</wp:comment_author_IP>"
                    f"<wp:comment_date>{wp_time(moment)}</wp:comment_date>"
                    f"<wp:comment_date_gmt>{wp_time(moment - datetime.timedelta(hours=1))}"
                    f"</wp:comment_date_gmt>"
                    f"<wp:comment_content>{cdata(rng.choice(COMMENTS))}</wp:comment_content>"
                    f"<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type>"
                    f"<wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id>"
                    f"</wp:comment>\n"
                )
            out.write("</item>\n")
        out.write("</channel>\n</rss>\n")
    return path
