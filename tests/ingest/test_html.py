"""HTML pages: body and metadata by trafilatura, offline; fragments to text; malformed pages rejected."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.ingest.article import Article, Rejection
from sitrep.ingest.html import article_from_html, html_to_text, read_html

PAGE = b"""<!DOCTYPE html>
<html lang="en"><head>
<title>Troops hold line near Pokrovsk | Frontline Daily</title>
<meta property="og:title" content="Troops hold line near Pokrovsk">
<meta property="og:site_name" content="Frontline Daily">
<meta property="article:published_time" content="2025-11-03T08:00:00Z">
<link rel="canonical" href="https://frontline.example/pokrovsk-hold">
<script>var tracking = "never read";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Troops hold line near Pokrovsk</h1>
<p>Ukrainian troops held their positions north of Pokrovsk on Monday, a spokesman for the
brigade defending the town said, as Russian assault groups tried again to cut the road to Myrnohrad.</p>
<p>"We are not giving up the town," the spokesman told reporters, adding that drones now
covered every approach to the railway station.</p>
</article>
<footer>Copyright 2025 Frontline Daily. All rights reserved.</footer>
</body></html>"""

#: A page without date metadata whose body is full of other dates: none may become `published`.
UNDATED = b"""<html><head><title>A war of dates</title></head><body><article>
<p>The full-scale invasion began on 24 February 2022, and the town fell on 2023-05-20
after months of fighting.</p>
<p>Officials said on Tuesday that reconstruction would take years.</p></article></body></html>"""


def test_reads_body_and_metadata(tmp_path):
    path = tmp_path / "pokrovsk.html"
    path.write_bytes(PAGE)
    (article,) = read_html(path, max_bytes=1_000_000)
    assert isinstance(article, Article)
    assert article.title == "Troops hold line near Pokrovsk"
    assert article.outlet == "Frontline Daily"
    assert article.url == "https://frontline.example/pokrovsk-hold"
    assert article.published == date(2025, 11, 3)
    assert (article.format, article.input_id) == ("html", "pokrovsk")
    assert "held their positions north of Pokrovsk" in article.text
    assert "We are not giving up the town" in article.text
    for boilerplate in ("Home", "Sport", "Copyright", "tracking"):
        assert boilerplate not in article.text


def test_body_dates_are_not_publication_dates():
    article = article_from_html(UNDATED, origin="undated.html")
    assert article.published is None


@pytest.mark.parametrize(
    "given_url,given_date,expected_url,expected_date",
    [
        (None, None, "https://frontline.example/pokrovsk-hold", date(2025, 11, 3)),
        (
            "https://archive.example/x",
            date(2026, 1, 1),
            "https://frontline.example/pokrovsk-hold",
            date(2025, 11, 3),
        ),
    ],
)
def test_page_metadata_wins_over_callers(given_url, given_date, expected_url, expected_date):
    article = article_from_html(PAGE, origin="p.html", url=given_url, published=given_date)
    assert (article.url, article.published) == (expected_url, expected_date)


def test_callers_metadata_fills_gaps():
    article = article_from_html(
        UNDATED, origin="u.html", url="https://archive.example/u", published=date(2026, 1, 1)
    )
    assert (article.url, article.published) == ("https://archive.example/u", date(2026, 1, 1))


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "E101"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E102"),
        (b"Just some words, and no markup at all.", "E104"),
        (b"<html><head><title>Empty</title></head><body></body></html>", "E104"),
        (b"<html><body><div><div><p></p></div></div><script>x()</script></body></html>", "E104"),
        (b"<<<>>><</div></p></html", "E104"),
        (b"<html><body><p>--- 2025 ---</p></body></html>", "E112"),
    ],
)
def test_rejects_malformed_pages(tmp_path, data, code):
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    (rejection,) = read_html(path, max_bytes=1_000_000)
    assert isinstance(rejection, Rejection)
    assert (rejection.code, rejection.origin) == (code, str(path))
    assert str(path) in rejection.reason


def test_size_limit(tmp_path):
    path = tmp_path / "big.html"
    path.write_bytes(PAGE)
    (rejection,) = read_html(path, max_bytes=100)
    assert rejection.code == "E110"


@pytest.mark.parametrize(
    "fragment,expected",
    [
        (
            "<p>Drones struck <b>Kharkiv</b>.</p><p>Two were hurt.</p>",
            "Drones struck Kharkiv.\nTwo were hurt.",
        ),
        ("Shelling<br>near Kupiansk<br/>overnight", "Shelling\nnear Kupiansk\novernight"),
        ("<ul><li>Avdiivka</li><li>Bakhmut</li></ul>", "Avdiivka\nBakhmut"),
        ("Kyiv &amp; Lviv &#8212; sirens", "Kyiv & Lviv — sirens"),
        ("<script>alert(1)</script><style>p{}</style><p>Only this</p>", "Only this"),
        ("plain text, no tags", "plain text, no tags"),
    ],
)
def test_html_to_text(fragment, expected):
    assert html_to_text(fragment) == expected


@pytest.mark.parametrize(
    "head,expected",
    [
        ('<meta property="article:published_time" content="2025-11-03T08:00:00+02:00">', date(2025, 11, 3)),
        ('<meta name="DC.date.issued" content="2024-02-17">', date(2024, 2, 17)),
        ('<meta itemprop="datePublished" content="Mon, 03 Nov 2025 08:00:00 GMT">', date(2025, 11, 3)),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
            '{"@type": "NewsArticle", "datePublished": "2023-05-21T10:00:00Z"}]}</script>',
            date(2023, 5, 21),
        ),
        ('<script type="application/ld+json">{not json</script>', None),
        ('<meta name="description" content="2025-11-03">', None),
        ('<meta property="article:published_time" content="last Tuesday">', None),
    ],
)
def test_date_from_markup(head, expected):
    body = "<p>Strikes hit Odesa port overnight, officials said.</p>"
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    assert article_from_html(page.encode(), origin="d.html").published == expected


def test_time_element_and_url_dates():
    timed = (
        b'<html><body><article><time pubdate datetime="2024-08-06">6 Aug</time>'
        b"<p>Troops crossed into Kursk region.</p></article></body></html>"
    )
    assert article_from_html(timed, origin="t.html").published == date(2024, 8, 6)
    page = b"<html><body><p>Troops crossed into Kursk region, officials said.</p></body></html>"
    dated = article_from_html(page, origin="u.html", url="https://news.example/2024/08/07/kursk-incursion")
    assert dated.published == date(2024, 8, 7)


@pytest.mark.parametrize(
    "html_tag,expected",
    [
        ('<html lang="uk-UA">', "uk"),
        ('<html lang="en">', "en"),
        ('<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ru">', "ru"),
        ('<html lang="Ukrainian language">', None),
        ("<html>", None),
    ],
)
def test_language_from_the_html_element(html_tag, expected):
    page = (
        f"{html_tag}<head><title>t</title></head><body><p>Strikes hit Odesa port overnight.</p></body></html>"
    )
    assert article_from_html(page.encode(), origin="l.html").lang == expected


def test_a_bare_fragment_is_read():
    article = article_from_html(b"<p>Strikes hit Odesa port overnight.</p>", origin="f.html")
    assert article.text == "Strikes hit Odesa port overnight."


def test_json_ld_nested_too_deep_only_loses_the_date(tmp_path):
    from sitrep.ingest.html import article_from_html

    deep = "[" * 100_000 + "]" * 100_000
    page = (
        f'<html><head><script type="application/ld+json">{deep}</script></head>'
        "<body><article><p>Drones struck Kharkiv overnight, the regional governor said.</p></article></body></html>"
    ).encode()
    article = article_from_html(page, origin="deep.html")
    assert "Drones struck Kharkiv" in article.text and article.published is None
