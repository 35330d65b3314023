"""RSS and Atom feeds: each entry an article; files that are not feeds, and entries without text, rejected."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.ingest.article import Article, Rejection
from sitrep.ingest.feeds import read_feed

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Frontline Daily</title>
  <link>https://frontline.example</link>
  <description>War reporting</description>
  <language>en-us</language>
  <item>
    <title>Drones strike Kharkiv</title>
    <link>https://frontline.example/kharkiv-drones</link>
    <guid>kh-2025-11-03</guid>
    <pubDate>Mon, 03 Nov 2025 08:00:00 GMT</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>Russian drones struck <b>Kharkiv</b> overnight, the mayor said.</p>
      <p>Two people were hurt.</p>]]></content:encoded>
  </item>
  <item>
    <title>Evacuation from Kupiansk</title>
    <link>https://frontline.example/kupiansk</link>
    <pubDate>Tue, 04 Nov 2025 09:30:00 +0200</pubDate>
    <description>&lt;p&gt;Officials ordered families with children to leave Kupiansk.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Headline only</title>
    <link>https://frontline.example/headline</link>
  </item>
</channel>
</rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Front Notes</title>
  <id>urn:uuid:front-notes</id>
  <updated>2025-11-05T10:00:00Z</updated>
  <entry>
    <title>Counterattack near Kupiansk</title>
    <id>urn:uuid:entry-1</id>
    <link href="https://notes.example/kupiansk"/>
    <published>2025-11-04T23:00:00Z</published>
    <updated>2025-11-05T10:00:00Z</updated>
    <summary>Teaser.</summary>
    <content type="html">&lt;p&gt;Ukrainian forces counterattacked near Kupiansk,
      a commander said.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain update</title>
    <id>urn:uuid:entry-2</id>
    <updated>2025-11-05T10:00:00Z</updated>
    <content type="text">Shelling continued along the Oskil river.</content>
  </entry>
</feed>"""


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_rss_entries(tmp_path):
    path = write(tmp_path, "frontline.rss", RSS)
    first, second, third = read_feed(path, max_bytes=1_000_000)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == "Russian drones struck Kharkiv overnight, the mayor said.\nTwo people were hurt."
    assert (first.title, first.url, first.outlet, first.input_id) == (
        "Drones strike Kharkiv",
        "https://frontline.example/kharkiv-drones",
        "Frontline Daily",
        "kh-2025-11-03",
    )
    assert (first.published, first.format, first.origin) == (date(2025, 11, 3), "feed", f"{path}#entry-1")
    assert first.lang == "en"
    assert second.text == "Officials ordered families with children to leave Kupiansk."
    assert second.published == date(2025, 11, 4)
    assert isinstance(third, Rejection)
    assert (third.code, third.origin) == ("E114", f"{path}#entry-3")


def test_atom_entries(tmp_path):
    path = write(tmp_path, "notes.atom", ATOM)
    first, second = read_feed(path, max_bytes=1_000_000)
    assert first.text == "Ukrainian forces counterattacked near Kupiansk, a commander said."
    assert (first.title, first.url, first.outlet) == (
        "Counterattack near Kupiansk",
        "https://notes.example/kupiansk",
        "Front Notes",
    )
    assert (first.published, first.lang, first.input_id) == (date(2025, 11, 4), "en", "urn:uuid:entry-1")
    assert second.text == "Shelling continued along the Oskil river."
    assert second.published == date(2025, 11, 5)  # no <published>: the updated date


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "E101"),
        (b"\x00\x01\x02\x03binary\x00\x00", "E102"),
        (b"<?xml version='1.0'?><note><to>Tove</to><body>Not a feed.</body></note>", "E107"),
        (b"<html><body><p>A web page saved as .xml</p></body></html>", "E107"),
        (b"<?xml version='1.0'?><rss version='2.0'><channel><title>x", "E107"),
        (b"Just words in a file called .xml", "E107"),
        (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Quiet</title></channel></rss>", "E115"),
    ],
)
def test_rejects_what_is_not_a_readable_feed(tmp_path, data, code):
    path = write(tmp_path, "feed.xml", data)
    (rejection,) = read_feed(path, max_bytes=1_000_000)
    assert isinstance(rejection, Rejection)
    assert (rejection.code, rejection.origin) == (code, str(path))


def test_size_limit(tmp_path):
    path = write(tmp_path, "big.rss", RSS)
    (rejection,) = read_feed(path, max_bytes=200)
    assert rejection.code == "E110"
