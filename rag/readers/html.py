"""HTML notes: the text a browser shows, one block per line, headings kept as markdown headings
(``## Retention``) so that chunking follows the page's own sections; scripts, styles and forms dropped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from . import Document

_SKIP = {"script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "object", "select", "button"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt",
          "dd", "table", "thead", "tbody", "tr", "blockquote", "figure", "figcaption", "hr", "br", "form", "details",
          "summary", "address", "body", "html", "caption"}
_HEADING = {f"h{n}": n for n in range(1, 7)}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.prefix = ""
        self.skip = 0
        self.pre = 0
        self.title: list[str] = []
        self.in_title = False
        self.headings = 0

    def flush(self):
        text = "".join(self.current)
        text = text if self.pre else re.sub(r"\s+", " ", text).strip()
        if text.strip():
            for part in text.split("\n") if self.pre else [text]:
                self.lines.append(self.prefix + part.rstrip())
                self.prefix = "" if not self.prefix.startswith("#") else self.prefix
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip += 1
            return
        if self.skip:
            return
        if tag in _HEADING or tag in _BLOCK or tag == "pre":
            self.flush()
        if tag in _HEADING:
            self.prefix = "#" * _HEADING[tag] + " "
            self.headings += 1
        elif tag == "li":
            self.prefix = "- "
        elif tag == "pre":
            self.pre += 1
        elif tag in ("td", "th") and self.current:
            self.current.append(" | ")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _HEADING or tag in _BLOCK or tag == "pre":
            self.flush()
            self.prefix = ""
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if not self.skip:
            self.current.append(data)


def read_html(raw: bytes, name: str) -> Document:
    try:
        source = raw.decode("utf-8-sig")
        warnings = []
    except UnicodeDecodeError:
        source = raw.decode("cp1252", errors="replace")
        warnings = [f"{name}: not valid UTF-8, read as Windows-1252 (Latin-1); save it as UTF-8 to be sure"]
    parser = _Text()
    parser.feed(source)
    parser.close()
    parser.flush()
    lines = parser.lines
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip()
    if title and not any(line.startswith("# ") for line in lines):
        lines.insert(0, f"# {title}")  # the page's title names its top section when it has no <h1>
    return Document("\n".join(lines), warnings=warnings)
