"""A tiny news site on disk whose articles can be edited and added between two crawls."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

TOPICS = ["port throughput", "office rents", "chip exports", "tourist arrivals", "bank lending", "land sales",
          "retail sales", "bond issuance", "factory orders", "EV deliveries", "air cargo", "hotel occupancy"]


@dataclass
class Story:
    id: int
    title: str
    paragraphs: list[str]
    published: str
    lastmod: str


@dataclass
class ChangingSite:
    root: Path
    base: str
    stories: dict[int, Story] = field(default_factory=dict)

    def add(self, story_id: int, day: int) -> Story:
        topic = TOPICS[story_id % len(TOPICS)]
        story = Story(
            id=story_id,
            title=f"Hong Kong {topic} figures surprise analysts in report {story_id}",
            paragraphs=[f"Official data on {topic} released on day {day} showed a change of {story_id % 9 + 1}.{day % 10} "
                        f"per cent from a year earlier, according to the statistics department (report {story_id}).",
                        f"Economists said the {topic} numbers for report {story_id} reflected demand from the mainland "
                        "and Southeast Asia, although they cautioned that one month's data could be revised later.",
                        f"The department will publish the next set of {topic} figures at the end of the month, "
                        f"it said in a statement accompanying report {story_id}."],
            published=f"2025-03-{day:02d}T09:00:00+08:00",
            lastmod=f"2025-03-{day:02d}T09:00:00+08:00",
        )
        self.stories[story_id] = story
        return story

    def change(self, story_id: int, lastmod: str, *, bump_lastmod: bool = True) -> None:
        story = self.stories[story_id]
        story.paragraphs.append(f"Update: the department revised report {story_id} after correcting a data error.")
        if bump_lastmod:
            story.lastmod = lastmod

    def url(self, story: Story) -> str:
        return f"{self.base}/economy/article/{story.id}/report-{story.id}"

    def write(self) -> None:
        entries = []
        for story in self.stories.values():
            ld = {"@type": "NewsArticle", "headline": story.title, "datePublished": story.published,
                  "dateModified": story.lastmod, "author": [{"@type": "Person", "name": "Grace Lam"}]}
            body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
            page = (f"<html lang='en'><head><title>{escape(story.title)}</title>"
                    f"<script type='application/ld+json'>{json.dumps(ld)}</script></head>"
                    f"<body><article><h1>{escape(story.title)}</h1>{body}</article></body></html>")
            target = self.root / "economy" / "article" / str(story.id) / f"report-{story.id}" / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
            entries.append(f"<url><loc>{self.url(story)}</loc><lastmod>{story.lastmod}</lastmod></url>")
        (self.root / "sitemap_news.xml").write_text(
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(entries) + "</urlset>", encoding="utf-8")
        (self.root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")

    @property
    def sitemap(self) -> str:
        return f"{self.base}/sitemap_news.xml"
