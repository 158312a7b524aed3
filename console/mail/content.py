"""What a person reads of a mail: HTML made readable text, the quoted history set apart.

- HTML-only mail becomes plain text without tags: block elements become line breaks, ``<a href>``
  keeps its link as ``text (url)``, scripts and styles are dropped, entities decoded.
- The quoted history (lines starting with ``>``, or everything below an "On … wrote:" / «… نوشت:»
  line, Outlook's "-----Original Message-----" or its From:/Sent: block) is kept apart so that the
  conversation can fold it away; it is never thrown away.
- Text is normalised as rule 11 says (Arabic ي/ك to Persian ی/ک), so that mail from Outlook on a
  Persian Windows (windows-1256 has no Persian ی) reads and searches like the rest.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from console.normalize import normalize_letters

_BLOCKS = {
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "hr", "section", "article", "header", "footer",
}  # fmt: skip
_SKIP = {"script", "style", "head", "title"}


class _TextMaker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._href: list[str | None] = []
        self._quote = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag == "a":
            self._href.append(dict(attrs).get("href"))
        elif tag == "blockquote":
            self._quote += 1
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "a":
            href = self._href.pop() if self._href else None
            if href and not href.startswith(("mailto:", "#", "cid:")):
                self.parts.append(f" ({href})")
        elif tag == "blockquote":
            self._quote = max(0, self._quote - 1)
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        text = re.sub(r"\s+", " ", data)
        if self._quote:
            text = text.replace("\n", "\n> ")
            if not self.parts or self.parts[-1].endswith("\n"):
                text = "> " + text.lstrip()
        self.parts.append(text)


def html_to_text(markup: str) -> str:
    """Readable text of an HTML body: no tags, links kept, paragraphs as blank-line-separated blocks."""
    maker = _TextMaker()
    maker.feed(markup)
    maker.close()
    lines = [line.strip() for line in "".join(maker.parts).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_ATTRIBUTION = re.compile(
    r"^\s*(On\s.+wrote:|.+\sنوشت\s*:|.+نوشته\s*است\s*:|-{2,}\s*Original Message\s*-{2,}|"
    r"-{2,}\s*پیام اصلی\s*-{2,}|_{10,})\s*$",
    re.IGNORECASE,
)
_OUTLOOK_HEADER = re.compile(r"^\s*(From|از)\s*:\s*.+$", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(r"^\s*(Sent|Date|To|Subject|ارسال|تاریخ|به|موضوع)\s*:", re.IGNORECASE)


def split_quoted(text: str) -> tuple[str, str]:
    """(the new text, the quoted history): the history is folded away, never dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        if _ATTRIBUTION.match(line) or (
            _OUTLOOK_HEADER.match(line) and i + 1 < len(lines) and _OUTLOOK_NEXT.match(lines[i + 1])
        ):
            head = "\n".join(lines[:i]).strip()
            if head:
                return head, "\n".join(lines[i:]).strip()
            break
    new: list[str] = []
    quoted: list[str] = []
    for line in lines:
        (quoted if line.lstrip().startswith(">") else new).append(line)
    if not "".join(new).strip():  # all quoted: show it as it is rather than an empty message
        return text.strip(), ""
    return "\n".join(new).strip(), "\n".join(quoted).strip()


def readable(text: str) -> str:
    """Normalised text: Persian letters (rule 11), unified line ends, no trailing spaces, no NULs.

    A NUL has no place in text (the database refuses it); a mail that carries one is still taken in.
    """
    text = normalize_letters(text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()
