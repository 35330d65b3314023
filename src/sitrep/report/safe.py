"""Safe output: article text never becomes markup or a script in a reader's browser.

Everything sitrep writes comes from articles it does not control, so every output goes
through here: only ``http``/``https`` URLs become links (``javascript:`` in any case, split
by a newline or a tab, and ``data:`` URLs are shown as inert text), and article text in
Markdown is escaped so that ``<script>``, ``<img onerror=…>`` and ``[x](javascript:…)``
stay text wherever the Markdown is rendered.

    >>> safe_url(" JaVa\\nScRipt:alert(1)") is None, safe_url("https://isw.org/a?b=1")
    (True, 'https://isw.org/a?b=1')
    >>> md_text("<img src=x onerror=alert(1)> [x](javascript:alert(1))")
    '&lt;img src=x onerror=alert(1)&gt; \\\\[x\\\\](javascript:alert(1))'
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: The only schemes that become links.
SAFE_SCHEMES = frozenset({"http", "https"})
# Browsers drop ASCII tab and newline anywhere in a URL and strip leading control
# characters and spaces before reading the scheme (WHATWG URL standard, "basic URL parser").
_IGNORED = re.compile(r"[\t\n\r]")
_LEADING = re.compile(r"^[\x00-\x20]+")


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) URL a browser will read the same way, else None."""
    if not url:
        return None
    cleaned = _LEADING.sub("", _IGNORED.sub("", url)).rstrip()
    if any(ord(c) < 0x20 or c in "<>\"'` " for c in cleaned):
        return None
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return cleaned


def md_text(text: str) -> str:
    """Article text for Markdown: HTML escaped, link and emphasis syntax backslashed, one line."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Backslashes first, so that those added before ` [ ] are not doubled; plain replaces are
    # twice as fast as a regular expression, and a report escapes tens of thousands of strings.
    escaped = escaped.replace("\\", "\\\\").replace("`", "\\`").replace("[", "\\[").replace("]", "\\]")
    return " ".join(escaped.split())


def md_url(url: str | None) -> str:
    """A URL for Markdown: the http(s) URL in angle brackets (an autolink), else a note that it was withheld."""
    safe = safe_url(url)
    if safe is not None:
        return f"<{safe}>"
    return "(link withheld: not http or https)" if url else ""
