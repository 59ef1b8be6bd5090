"""The image renditions our templates ask for, in the templates' own notation, so that the warm-up after
publishing (`tasks.warm_story_renditions`) makes exactly the ones a page view looks up."""

# Social previews, JSON-LD and the feeds' enclosures: one 1200x630 JPEG.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"

HERO_IMAGE_SPECS = [
    # templates/blog/story_page.html
    "format-{avif,webp,jpeg} fill-{800x450,1600x900}",
    # templates/includes/story_card.html, the lead card and the others
    "format-{avif,webp,jpeg} fill-{480x270,960x540,1600x900}",
    SHARE_IMAGE_SPEC,
]
BODY_IMAGE_SPECS = ["format-{avif,webp,jpeg} width-{800,1600}"]  # templates/blocks/captioned_image_block.html
AUTHOR_PHOTO_SPECS = ["format-{avif,webp,jpeg} fill-96x96"]  # templates/includes/avatar.html
