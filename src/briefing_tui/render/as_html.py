"""A briefing (or many) as one self-contained HTML page, for handover and printing.

The page is read on someone else's machine, possibly printed, possibly opened in a browser
that is online.  So it must not reach out: no scripts, no fonts, images or style sheets from
anywhere, a Content-Security-Policy that forbids them anyway, and links written out as text
rather than made clickable (a handover copy should show where a reference points, not take
anyone there).  Document text is hostile: every string is escaped, Markdown prose is rendered
with raw HTML switched off, and link and image targets never become attributes at all.

The marking must survive printing: it stands at the top and bottom of each briefing in the
flow of the page, and a fixed-position banner, which browsers repeat on every printed page,
carries it at the top and bottom of each sheet (CSS `@page` margin boxes would be the tidy
way, but browsers barely support them).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefing_tui.model import Briefing, Participant, ParticipantGroup
from briefing_tui.render.common import facts, format_extra, participant_counts
from briefing_tui.sanitize import clean

# TLP 2.0 colours (FIRST), shown on black as the standard asks.
TLP_CLASSES = {
    "TLP:RED": "tlp-red",
    "TLP:AMBER+STRICT": "tlp-amber",
    "TLP:AMBER": "tlp-amber",
    "TLP:GREEN": "tlp-green",
    "TLP:CLEAR": "tlp-clear",
    "TLP:WHITE": "tlp-clear",  # TLP 1.0's name for CLEAR
}
# Most restrictive first; markings that are not TLP are ranked above all of them, because
# their handling rules are unknown here and may be stricter.
_TLP_RANK = {
    "TLP:RED": 1,
    "TLP:AMBER+STRICT": 2,
    "TLP:AMBER": 3,
    "TLP:GREEN": 4,
    "TLP:CLEAR": 5,
    "TLP:WHITE": 5,
}

STYLE = """
:root { color-scheme: light; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial,
  sans-serif; font-size: 11pt; line-height: 1.45; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 52rem; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin: .6rem 0 .4rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #111; margin: 1.6rem 0 .6rem;
  break-after: avoid-page; }
h3, h4, h5, h6 { font-size: 1.05rem; margin: 1rem 0 .3rem; break-after: avoid-page; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Consolas,
  monospace; font-size: .9em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: .5rem;
  border: 1px solid #ddd; }
blockquote { margin: .5rem 0; padding: .1rem .9rem; border-left: 4px solid #999; }
table.data { border-collapse: collapse; width: 100%; margin: .5rem 0; }
table.data th, table.data td { border: 1px solid #999; padding: .2rem .4rem;
  text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.data th { background: #eee; }
table.data tr { break-inside: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
  margin: .5rem 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.summary { font-style: italic; }
.url { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em;
  overflow-wrap: anywhere; }
.muted { color: #555; }
.marking { display: block; margin: .6rem 0; padding: .3rem .6rem; text-align: center;
  font-weight: bold; letter-spacing: .06em; background: #000; color: #fff;
  border: 2px solid #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.tlp-red { color: #FF2B2B; }
.tlp-amber { color: #FFC000; }
.tlp-green { color: #33FF00; }
.tlp-clear { color: #FFFFFF; }
.marking.marking-other { background: #fff; color: #000; border: 3px double #000; }
.print-banner { display: none; }
table.sheet { width: 100%; border-collapse: collapse; }
table.sheet > thead > tr > td, table.sheet > tfoot > tr > td,
table.sheet > tbody > tr > td { padding: 0; }
.banner-space { height: 0; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  @page { margin: 1.4cm 1.5cm; }
  .print-banner { display: block; position: fixed; left: 0; right: 0; margin: 0;
    padding: .1cm .3cm; font-size: 9pt; }
  .print-banner-top { top: 0; }
  .print-banner-bottom { bottom: 0; }
  /* Repeated header and footer rows keep room for the fixed banners on every page. */
  .banner-space { height: 1cm; }
  table.sheet + table.sheet { break-before: page; }
  .toc { break-after: page; }
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"


def esc(text: str) -> str:
    """Escaped and free of control characters, whatever the caller built the model from."""
    return html.escape(clean(text), quote=True)


def marking_class(marking: str) -> str:
    key = "".join(marking.split()).upper()
    return TLP_CLASSES.get(key, "marking-other")


def combined_marking(markings: Sequence[str]) -> str:
    """All distinct markings, most restrictive first: what a bundle as a whole must carry."""
    distinct: dict[str, str] = {}
    for m in markings:
        if m.strip():
            distinct.setdefault("".join(m.split()).upper(), m.strip())
    ordered = sorted(distinct.items(), key=lambda kv: (_TLP_RANK.get(kv[0], 0), kv[0]))
    return " / ".join(shown for _, shown in ordered)


def _banner(marking: str, extra_class: str = "") -> str:
    """The marking on black in its TLP colour; a combined marking takes its first part's."""
    if not marking.strip():
        return ""
    colour = marking_class(marking.split(" / ", 1)[0])
    classes = " ".join(x for x in ("marking", extra_class, colour) if x)
    return f'<p class="{classes}">{esc(marking)}</p>\n'


# -- Markdown prose ----------------------------------------------------------------------------


def _link_text(tokens: Sequence[Token], idx: int) -> str:
    depth, parts = 0, []
    for tok in tokens[idx + 1 :]:
        if tok.type == "link_open":
            depth += 1
        elif tok.type == "link_close":
            if depth == 0:
                break
            depth -= 1
        elif tok.type in ("text", "code_inline"):
            parts.append(tok.content)
    return "".join(parts)


def _link_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    href = str(tokens[idx].attrGet("href") or "")
    stack = env.setdefault("links", [])
    stack.append("" if _link_text(tokens, idx).strip() == href.strip() else href)
    return '<span class="link">'


def _link_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    stack = env.get("links") or [""]
    href = stack.pop()
    return "</span>" + (f' <span class="url">&lt;{esc(href)}&gt;</span>' if href else "")


def _image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    src = str(token.attrGet("src") or "")
    shown = f"[image: {alt}]" if alt else "[image]"
    url = f' <span class="url">&lt;{esc(src)}&gt;</span>' if src else ""
    return f'<span class="image muted">{esc(shown)}</span>{url}'


def _text(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return esc(tokens[idx].content)


def _make_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("link_close", _link_close)
    md.add_render_rule("image", _image)
    md.add_render_rule("text", _text)
    return md


_MD = _make_markdown()


def prose(markdown: str, heading_shift: int = 2) -> str:
    """Markdown as HTML: raw HTML shown as text, links and images as text with their URLs.

    Headings move down so a document's own `#` cannot outrank the page's structure.
    """
    if not markdown.strip():
        return ""
    env: dict[str, Any] = {}
    tokens = _MD.parse(clean(markdown), env)
    for tok in tokens:
        if tok.type in ("heading_open", "heading_close"):
            level = min(6, int(tok.tag[1:]) + heading_shift)
            tok.tag = f"h{level}"
        elif tok.type in ("table_open",):
            tok.attrSet("class", "data")
    return '<div class="prose">' + str(_MD.renderer.render(tokens, _MD.options, env)) + "</div>\n"


# -- one briefing ------------------------------------------------------------------------------


def _facts(b: Briefing) -> str:
    body = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts(b))
    return f'<dl class="facts">{body}</dl>\n' if body else ""


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n'


def _overview(b: Briefing) -> list[str]:
    out = ['<section class="overview">', "<h2>Overview</h2>"]
    if b.summary:
        out.append(f'<p class="summary">{esc(b.summary)}</p>')
    out.append(prose(b.overview))
    for section in b.sections:
        out.append(f"<h3>{esc(section.title)}</h3>")
        out.append(prose(section.body, heading_shift=3))
    if b.source is not None:
        src = b.source
        published = src.published.isoformat() if src.published else ""
        bits = ", ".join(x for x in (src.publisher, published, src.reference) if x)
        url = f' <span class="url">&lt;{esc(src.url)}&gt;</span>' if src.url else ""
        out.append(f"<p><strong>Source:</strong> {esc(bits)}{url}</p>")
    if b.links:
        out.append("<h3>Links</h3><ul>")
        for link in b.links:
            url = ""
            if link.url and link.url != link.title:
                url = f' <span class="url">&lt;{esc(link.url)}&gt;</span>'
            title = esc(link.title)
            if link.url == link.title:
                title = f'<span class="url">{title}</span>'
            out.append(f"<li>{title}{url}</li>")
        out.append("</ul>")
    if b.glossary:
        out.append('<h3>Glossary</h3><dl class="facts">')
        out += [f"<dt>{esc(t)}</dt><dd>{esc(e)}</dd>" for t, e in b.glossary]
        out.append("</dl>")
    if b.extra:
        lines: list[str] = []
        for key, value in b.extra:
            lines += format_extra({key: value})
        out.append("<h3>Other details</h3>")
        out.append(f"<pre>{esc(chr(10).join(lines))}</pre>")
    out.append("</section>")
    return out


def _participants(b: Briefing) -> list[str]:
    out = ['<section class="participants">', "<h2>Participants</h2>"]
    out.append(f'<p class="muted">{esc(participant_counts(b))}</p>')
    people = [p for p in b.participants if isinstance(p, Participant)]
    if people:
        out.append(
            _table(
                ("Name", "Role", "Organisation", "Country", "Notes"),
                [(p.name, p.role, p.organisation, p.country, p.notes) for p in people],
            )
        )
    groups = [g for g in b.participants if isinstance(g, ParticipantGroup)]
    if groups:
        out.append("<ul>")
        for g in groups:
            count = f" ({g.count})" if g.count is not None else ""
            notes = f" — {g.notes}" if g.notes else ""
            out.append(f"<li>{esc(g.group + count + notes)}</li>")
        out.append("</ul>")
    out.append(prose(b.participants_text))
    out.append("</section>")
    return out


def _topics(b: Briefing) -> list[str]:
    out = ['<section class="topics">', "<h2>Topics</h2>"]
    for n, topic in enumerate(b.topics, 1):
        out.append(f"<h3>{n}. {esc(topic.title)}</h3>")
        if topic.speakers:
            out.append(f"<p><strong>Speakers:</strong> {esc(', '.join(topic.speakers))}</p>")
        out.append(prose(topic.summary, heading_shift=3))
    out.append(prose(b.topics_text))
    out.append("</section>")
    return out


def _outcomes(b: Briefing) -> list[str]:
    out = ['<section class="outcomes">', "<h2>Outcomes</h2>"]
    if b.outcomes:
        rows = [
            (
                str(n),
                o.text,
                o.kind,
                o.status,
                o.owner,
                o.due.isoformat() if o.due else "",
            )
            for n, o in enumerate(b.outcomes, 1)
        ]
        out.append(_table(("#", "Outcome", "Kind", "Status", "Owner", "Due"), rows))
    out.append(prose(b.outcomes_text))
    out.append("</section>")
    return out


def briefing_article(b: Briefing, anchor: str = "") -> str:
    """One briefing as an <article>, its marking standing first and last."""
    ident = f' id="{esc(anchor)}"' if anchor else ""
    parts = [f'<article class="briefing"{ident}>', _banner(b.marking)]
    parts.append(f"<header><h1>{esc(b.title)}</h1>{_facts(b)}</header>")
    parts += _overview(b)
    parts += _participants(b)
    parts += _topics(b)
    parts += _outcomes(b)
    if b.problems:
        parts.append('<section class="problems"><h2>Problems</h2><ul>')
        parts += [f'<li class="url">{esc(str(p))}</li>' for p in b.problems]
        parts.append("</ul></section>")
    parts.append(_banner(b.marking))
    parts.append("</article>")
    return "\n".join(p for p in parts if p)


def _sheet(content: str) -> str:
    """A table whose repeated header and footer rows reserve room for the print banners."""
    space = '<tr><td><div class="banner-space"></div></td></tr>'
    return (
        f'<table class="sheet" role="presentation"><thead>{space}</thead>'
        f"<tfoot>{space}</tfoot><tbody><tr><td>\n{content}\n</td></tr></tbody></table>\n"
    )


def html_page(title: str, sheets: Sequence[str], markings: Sequence[str]) -> str:
    marking = combined_marking(markings)
    banners = ""
    if marking:
        banners = _banner(marking, "print-banner print-banner-top") + _banner(
            marking, "print-banner print-banner-bottom"
        )
    body = "".join(_sheet(s) for s in sheets)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc((marking + ' — ') if marking else '')}{esc(title)}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n{banners}{body}</body>\n</html>\n"
    )


def render_html(b: Briefing) -> str:
    """One briefing as a self-contained, print-ready HTML page."""
    return html_page(b.title, [briefing_article(b)], [b.marking])


def render_html_library(briefings: Sequence[Briefing], title: str = "Briefings") -> str:
    """Many briefings in one page: a contents sheet, then each briefing on its own pages."""
    toc = [f"<h1>{esc(title)}</h1>", f'<p class="muted">{len(briefings)} briefings</p>']
    marking = combined_marking([b.marking for b in briefings])
    if marking:
        toc.insert(0, _banner(marking))
        toc.append("")
    rows = []
    for n, b in enumerate(briefings, 1):
        rows.append(
            f'<tr><td>{n}</td><td><a href="#briefing-{n}">{esc(b.title)}</a></td>'
            f"<td>{esc(b.date_range())}</td><td>{esc(b.marking)}</td></tr>"
        )
    toc.append(
        '<table class="data"><thead><tr><th>#</th><th>Title</th><th>Date</th>'
        f"<th>Marking</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    if marking:
        toc.append(_banner(marking))
    sheets = ['<section class="toc">' + "\n".join(toc) + "</section>"]
    sheets += [briefing_article(b, f"briefing-{n}") for n, b in enumerate(briefings, 1)]
    return html_page(title, sheets, [b.marking for b in briefings])
