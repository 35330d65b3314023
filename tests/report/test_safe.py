"""No script reaches a reader: hostile URLs and article text in every output (issue 15, item 4)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sitrep.models import ArticleMeta, Claim, Quote, Record, Span
from sitrep.report.html import render_html
from sitrep.report.markdown import record_markdown
from sitrep.report.safe import md_text, safe_url
from sitrep.report.situation import build_report, render_markdown
from sitrep.resolve.facts import Fact
from sitrep.resolve.propositions import ArticleInfo, group_facts

BAD_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "JAVASCRIPT:alert(1)",
    "java\nscript:alert(1)",
    "java\tscript:alert(1)",
    " \x01javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    'https://ok.example/"><script>alert(1)</script>',
]
BAD_TEXT = [
    "<script>alert(1)</script> Russian forces shelled Kherson.",
    "<img src=x onerror=alert(1)> Drones struck Kharkiv overnight.",
    "[click here](javascript:alert(1)) Troops withdrew from the village.",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_only_http_urls_are_links(url):
    assert safe_url(url) is None


@pytest.mark.parametrize("url", ["https://www.reuters.com/world/x", "http://example.org/a?b=1&c=2"])
def test_http_urls_stay(url):
    assert safe_url(url) == url


def report_with(url: str, text: str):
    info = ArticleInfo("a1", "The Daily Test", date(2026, 1, 5), url, title=text)
    fact = Fact("a1", "e1", "event", "reported", text, 0, len(text), "strike", "geo:1", text, on=date(2026, 1, 5))
    return build_report(group_facts([fact], {"a1": info}), [], {"a1": info}, title=text)


#: A Markdown link or autolink to anything but http(s); an escaped bracket (\]) is text.
UNESCAPED_LINK = re.compile(r"(?<!\\)\]\((?!https?://)|<(?!https?://)[a-z]+:", re.IGNORECASE)


def hrefs(page: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', page)


@pytest.mark.parametrize("url", BAD_URLS)
@pytest.mark.parametrize("text", BAD_TEXT)
def test_html_report_has_no_script_and_no_bad_link(url, text):
    page = render_html(report_with(url, text))
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs(page))
    assert "script-src 'none'" in page and 'http-equiv="Content-Security-Policy"' in page


@pytest.mark.parametrize("url", BAD_URLS)
@pytest.mark.parametrize("text", BAD_TEXT)
def test_markdown_report_escapes_tags_and_links(url, text):
    out = render_markdown(report_with(url, text))
    assert "<script" not in out.lower() and "<img" not in out.lower()
    assert not UNESCAPED_LINK.search(out)
    assert not re.search(r"<(?!https?://)[a-z]", out, re.IGNORECASE)


@pytest.mark.parametrize("text", BAD_TEXT)
def test_show_markdown_escapes_article_text(text):
    span = Span(start=0, end=len(text), text=text)
    record = Record(
        id="a1",
        article=ArticleMeta(id="a1", title=text, url="javascript:alert(1)", outlet="<b>x</b>"),
        quotes=[Quote(text=text, speaker="<img src=x onerror=alert(2)>", spans=[span], extractor="t/1")],
        claims=[Claim(text=text, claimant="[x](javascript:y)", stance="asserts", spans=[span], extractor="t/1")],
    )
    out = record_markdown(record)
    assert "<script" not in out.lower() and "<img" not in out.lower() and "<b>" not in out
    assert not UNESCAPED_LINK.search(out) and "javascript:alert(1)</" not in out


def test_markdown_text_keeps_words_readable():
    assert md_text("Russian forces (the 3rd Army) took 5% of it & more") == (
        "Russian forces (the 3rd Army) took 5% of it &amp; more"
    )
