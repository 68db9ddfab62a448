"""MkDocs hook: puts the rules package into the site.

- on_config: builds the checker wheel (stdlib zip, reproducible, with bytecode compiled by
  Pyodide's own Python) and records where the wheel and the self-hosted Pyodide runtime will
  be served, plus the law-stated-as-at date.
- on_files: adds the wheel and Pyodide's five core files to the site.
- on_page_markdown: replaces `<!-- checker:... -->` / `<!-- site:... -->` markers with
  content generated from the same rules the browser runs, and adds the glossary to every
  page. An unknown marker fails the build.

Everything visible is Markdown from docs/includes/; this module only arranges it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import posixpath
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the checker package, when it is not installed

import checker  # noqa: E402
from checker import FLOWS, OUTCOMES, SOURCES, all_paths, decide  # noqa: E402
from checker.flow import regime_on  # noqa: E402
from checker.letters import DETAILS, LETTERS  # noqa: E402

INCLUDES = ROOT / "docs" / "includes"
HOOKS = ROOT / "overrides" / "hooks"
BYTECODE_CACHE = Path(tempfile.gettempdir()) / "site-bytecode-cache"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = (
    "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
)
WHEEL_NAME = f"therapy_notes_checker-{checker.__version__}-py3-none-any.whl"
BOOT_TIMEOUT_MS = 30000
_ZIP_TIME = (2026, 1, 12, 0, 0, 0)
_MARKER = re.compile(r"<!--\s*((?:checker|site):[a-z-]+)\s*-->")
_OPTION = re.compile(r"^- `([a-z0-9-]+)`: (.+)$")


def long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


# --------------------------------------------------------------------------- the wheel


def compiled_bytecode(sources: dict[str, str]) -> dict[str, bytes]:
    """{"checker/engine.py": source} -> {"checker/__pycache__/engine.cpython-314.pyc": bytecode},
    compiled by Pyodide's Python (compile_bytecode.mjs, under Node: about 4 s) and kept in a
    cache in the system temp directory, keyed by the sources and the Pyodide version.
    The browser then imports the rules without compiling them (about 30 ms less to ready)."""
    key = hashlib.sha256(json.dumps([pyodide_version(), sources], sort_keys=True).encode()).hexdigest()
    cached = BYTECODE_CACHE / f"{key}.json"
    if not cached.exists():
        done = subprocess.run(["node", str(HOOKS / "compile_bytecode.mjs")], input=json.dumps(sources),
                              capture_output=True, text=True, cwd=ROOT, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"compiling the rules with Pyodide failed:\n{done.stderr[-3000:]}")
        BYTECODE_CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        partial.write_text(done.stdout)
        partial.replace(cached)
    result = json.loads(cached.read_text())
    return {
        posixpath.join(posixpath.dirname(path), "__pycache__",
                       f"{posixpath.basename(path)[:-3]}.{result['cache_tag']}.pyc"): base64.b64decode(code)
        for path, code in result["bytecode"].items()
    }


def build_wheel(package_dir: Path = ROOT / "checker") -> bytes:
    """A pure-Python wheel of the checker package, with its bytecode for Pyodide's Python,
    byte-for-byte reproducible. Its files are stored, not deflated: the page's worker reads
    them as they are (checker-worker.js), with no decompressor to need (Safari has had one for
    raw deflate only since 16.4), and the server's br/gz copy is smaller than deflating."""
    dist_info = f"therapy_notes_checker-{checker.__version__}.dist-info"
    entries: list[tuple[str, bytes]] = [
        (f"checker/{path.relative_to(package_dir).as_posix()}", path.read_bytes())
        for path in sorted(package_dir.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".txt")
    ]
    # The decision record's words, where checker/record.py reads them inside the wheel.
    entries.append(("checker/texts/checker/record.toml", (INCLUDES / "checker" / "record.toml").read_bytes()))
    entries += sorted(compiled_bytecode(
        {name: data.decode("utf-8") for name, data in entries if name.endswith(".py")}).items())
    entries.append((f"{dist_info}/METADATA", (
        "Metadata-Version: 2.1\nName: therapy-notes-checker\n"
        f"Version: {checker.__version__}\nRequires-Python: >=3.11\n").encode()))
    entries.append((f"{dist_info}/WHEEL", (
        "Wheel-Version: 1.0\nGenerator: checker_site\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    ).encode()))
    record = "".join(
        f"{name},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},"
        f"{len(data)}\n" for name, data in entries
    ) + f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))
    with tempfile.SpooledTemporaryFile() as buffer:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as wheel:
            for name, data in entries:
                wheel.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_STORED)
        buffer.seek(0)
        return buffer.read()


def pyodide_version() -> str:
    package = PYODIDE_DIR / "package.json"
    if not package.exists():
        raise FileNotFoundError(
            "node_modules/pyodide is missing: run `npm ci` (make build does it for you)")
    return str(json.loads(package.read_text())["version"])


# --------------------------------------------------------------------------- text files


def read_include(kind: str, name: str) -> str:
    path = INCLUDES / kind / f"{name}.md"
    if not path.exists():
        raise FileNotFoundError(f"missing text: docs/includes/{kind}/{name}.md")
    return path.read_text(encoding="utf-8")


def split_title(text: str, where: str) -> tuple[str, str]:
    first, _, rest = text.strip().partition("\n")
    if not first.startswith("# "):
        raise ValueError(f"{where}: must start with a '# Title' line")
    return first[2:].strip(), rest.strip()


def parse_question(fact: str) -> tuple[str, str, dict[str, str]]:
    """(title, help Markdown, {option value: label}) from docs/includes/questions/<fact>.md."""
    title, body = split_title(read_include("questions", fact), f"questions/{fact}.md")
    options: dict[str, str] = {}
    help_lines = []
    for line in body.splitlines():
        match = _OPTION.match(line)
        if match:
            options[match.group(1)] = match.group(2).strip()
        else:
            help_lines.append(line)
    return title, "\n".join(help_lines).strip(), options


def all_questions() -> dict[str, tuple[str, ...]]:
    """Every question the page can ask, with its options (empty for a date)."""
    questions: dict[str, tuple[str, ...]] = {"audience": tuple(FLOWS)}
    for flow in FLOWS.values():
        for side in flow.side_questions:
            questions[side.fact] = side.options
        for fact, question in flow.questions.items():
            questions[fact] = question.options
    return questions


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def demote(markdown: str, prefix: str, levels: int = 1) -> str:
    """Pushes headings down `levels` and gives each a stable id `<prefix>-<slug>`."""
    out = []
    for line in markdown.splitlines():
        match = re.match(r"^(#{1,5}) (.+?)\s*$", line)
        if match:
            hashes = "#" * (len(match.group(1)) + levels)
            line = f"{hashes} {match.group(2)} {{#{prefix}-{_slug(match.group(2))}}}"
        out.append(line)
    return "\n".join(out)


# --------------------------------------------------------------------------- sources


def source_item(source_id: str) -> str:
    source = SOURCES[source_id]
    title = html.escape(source.title)
    linked = f'<a href="{html.escape(source.url)}">{title}</a>' if source.url else title
    return (f'<li data-source="{source.id}">{linked}, {html.escape(source.pinpoint)} '
            f'<span class="source-status source-status--{_slug(source.status)}">'
            f'{html.escape(source.status)}</span></li>')


def sources_list(source_ids: Iterable[str]) -> str:
    items = "\n".join(source_item(source_id) for source_id in source_ids)
    return f'<ul class="sources">\n{items}\n</ul>'


def render_sources_page() -> str:
    """The one list of sources, from the registry the checker cites."""
    rows = ["| Source | Pinpoint | In force from | Status |", "|---|---|---|---|"]
    for source in sorted(SOURCES.values(), key=lambda s: s.title):
        title = f"[{source.title}]({source.url})" if source.url else source.title
        in_force = long_date(source.in_force) if source.in_force else "—"
        rows.append(f"| {title} {{#{source.id}}} | {source.pinpoint} | {in_force} | {source.status} |")
    return "\n".join(rows)


# --------------------------------------------------------------------------- checker page


def _first_questions() -> dict[str, str]:
    """The first question of each audience, known at build time (so it shows at once)."""
    firsts = {}
    for audience in FLOWS:
        result = decide(audience, {}, ask_side_questions=True)
        firsts[audience] = str(result.question)
    return firsts


def render_question(fact: str, options: tuple[str, ...]) -> str:
    title, help_text, labels = parse_question(fact)
    if set(labels) != set(options):
        raise ValueError(f"questions/{fact}.md: options {sorted(labels)} != rules {sorted(options)}")
    hidden = "" if fact == "audience" else " hidden"
    heading = f'<h2 id="q-{fact}" tabindex="-1">{html.escape(title)}</h2>'
    help_block = f'<div class="checker-help" markdown="1">\n\n{help_text}\n\n</div>' if help_text else ""
    if options:
        nexts = _first_questions() if fact == "audience" else {}
        buttons = "\n".join(
            f'<button type="button" class="md-button checker-answer" data-answer="{value}"'
            + (f' data-next="{nexts[value]}"' if value in nexts else "")
            + f">{html.escape(labels[value])}</button>"
            for value in options
        )
        control = f'<div class="checker-options" role="group" aria-labelledby="q-{fact}">\n{buttons}\n</div>'
    else:
        control = (
            f'<div class="checker-date">\n<label for="a-{fact}">Date</label>\n'
            f'<input type="date" id="a-{fact}" name="{fact}" min="2000-01-01" '
            f'aria-describedby="e-{fact}" required>\n'
            f'<button type="button" class="md-button md-button--primary checker-answer" '
            f'data-answer="continue">Continue</button>\n</div>'
        )
    error = f'<p class="checker-error" id="e-{fact}" role="alert" hidden></p>'
    return (f'<section class="checker-question" data-question="{fact}" '
            f'data-title="{html.escape(title)}" aria-labelledby="q-{fact}"{hidden} markdown="1">\n{heading}\n\n{help_block}\n\n'
            f'{control}\n{error}\n</section>')


def outcome_body(outcome_id: str, prefix: str, levels: int = 1) -> tuple[str, str]:
    title, body = split_title(read_include("outcomes", outcome_id), f"outcomes/{outcome_id}.md")
    return title, demote(body, prefix, levels)


_SAVE_WARNING = (
    "Nothing is sent anywhere. But a download, a printout or a copy on your clipboard stays "
    "on this device or on paper, where someone else may find it."
)


def render_letter(outcome_id: str) -> str:
    """The reply-letter tool: details the visitor may type, then the draft to edit and save."""
    template = (ROOT / "checker" / "letters" / f"{outcome_id}.txt").read_text(encoding="utf-8")
    fields = "\n".join(
        f'<p><label for="l-{outcome_id}-{key}">{html.escape(label.capitalize())} (optional)</label><br>'
        f'<input type="text" id="l-{outcome_id}-{key}" data-detail="{key}" autocomplete="off" '
        f'spellcheck="false"></p>'
        for key, label in DETAILS.items() if f"${key}" in template
    )
    prefix = f"l-{outcome_id}"
    return f"""<div class="checker-letter" data-letter="{outcome_id}">
<h3 id="{prefix}-title">Draft a reply</h3>
<p>We can draft a {'letter or email' if outcome_id != 'object-to-application' else 'written response'} for you. Add any details you want in it. They stay on this device. Leave a box empty to get a [gap] you can fill in later.</p>
{fields}
<button type="button" class="md-button md-button--primary" data-letter-action="draft">Draft the letter</button>
<div class="checker-letter-output" hidden>
<p><label for="{prefix}-text">Your draft. You can change any of it before you use it.</label></p>
<textarea id="{prefix}-text" rows="16" data-letter-text autocomplete="off" spellcheck="true"></textarea>
<p class="checker-warning" id="{prefix}-warning">{_SAVE_WARNING}</p>
<p class="checker-letter-actions">
<button type="button" class="md-button" data-letter-action="copy" aria-describedby="{prefix}-warning">Copy</button>
<button type="button" class="md-button" data-letter-action="txt" aria-describedby="{prefix}-warning">Download as text (.txt)</button>
<button type="button" class="md-button" data-letter-action="docx" aria-describedby="{prefix}-warning">Download as Word (.docx)</button>
</p>
<p class="checker-letter-status" role="status"></p>
</div>
</div>"""


_possible: dict[str, list[str]] = {}


def possible_citations() -> dict[str, list[str]]:
    """Every source an outcome may cite on some path (the page shows the ones the result cites)."""
    if not _possible:
        for audience in FLOWS:
            for result in all_paths(audience):
                known = _possible.setdefault(str(result.outcome), [])
                known += [c for c in result.citations if c not in known]
    return _possible


def render_outcome_panel(outcome_id: str) -> str:
    title, body = outcome_body(outcome_id, f"c-{outcome_id}")
    letter = render_letter(outcome_id) if outcome_id in LETTERS else ""
    return (
        f'<section class="checker-outcome" data-outcome="{outcome_id}" '
        f'aria-labelledby="o-{outcome_id}" hidden markdown="1">\n'
        f'<h2 id="o-{outcome_id}" tabindex="-1">{html.escape(title)}</h2>\n\n{body}\n\n'
        f'{letter}\n\n'
        f'<h3 id="c-{outcome_id}-sources">Sources</h3>\n\n{sources_list(possible_citations()[outcome_id])}\n\n'
        f'<p class="checker-law-date">Law stated as at {long_date(checker.LAW_STATED_AS_AT)}. '
        f'Information, not legal advice.</p>\n\n'
        f'<p class="checker-outcome-actions"><a href="outcomes/#{outcome_id}">Permanent link to this outcome</a>'
        f' <button type="button" class="md-button" data-control="print" '
        f'aria-describedby="print-warning-{outcome_id}">Print this result</button></p>\n'
        f'<p class="checker-warning" id="print-warning-{outcome_id}">Printing shows this result and '
        f'your answers. {_SAVE_WARNING}</p>\n</section>'
    )


def flag_names() -> list[str]:
    names = {side.flag for flow in FLOWS.values() for side in flow.side_questions}
    names |= {flag for flow in FLOWS.values() for flag, _ in flow.flag_answers.values()}
    names |= {"before-chapter-3a"}
    return sorted(names)


def render_flag(name: str, prefix: str, attribute: bool) -> str:
    title, body = split_title(read_include("flags", name), f"flags/{name}.md")
    data = f' data-flag="{name}" hidden' if attribute else ""
    return (f'<aside class="checker-flag admonition note"{data} markdown="1">\n'
            f'<p class="admonition-title">{html.escape(title)}</p>\n\n'
            f'{demote(body, f"{prefix}-{name}", 2)}\n</aside>')


def render_checker() -> str:
    questions = "\n\n".join(render_question(f, o) for f, o in all_questions().items())
    outcomes = "\n\n".join(render_outcome_panel(o) for o in OUTCOMES)
    flags = "\n\n".join(render_flag(name, "c", attribute=True) for name in flag_names())
    return f"""<div class="checker" data-checker markdown="1">

<noscript><p class="checker-noscript"><strong>This checker needs JavaScript, which is off in
your browser.</strong> You can still find your answer: read <a href="outcomes/">every
outcome</a> or follow the <a href="decision-table/">decision table</a>.</p></noscript>

<div class="checker-layout" markdown="1">
<div class="checker-main" markdown="1">

{questions}

{outcomes}

<div class="checker-flags" markdown="1">

{flags}

</div>

<p class="checker-waiting" role="status" hidden>Starting the checker on your device. This can
take a few seconds on a slow connection. Nothing you enter leaves this page.</p>

<div class="checker-failed" role="alert" hidden markdown="1">
<h2 tabindex="-1">The interactive checker could not start</h2>

Your browser could not run the checker on this device. Your answers were not sent anywhere.
You can still find your answer:

- [Every outcome, with what to do](outcomes.md)
- [The decision table](decision-table.md)
- [Guidance for therapists](../therapists/index.md) and [for survivors](../survivors/index.md)
</div>

<div class="checker-controls" hidden>
<button type="button" class="md-button" data-control="back">Back</button>
<button type="button" class="md-button" data-control="restart">Start again</button>
</div>

</div>
<aside class="checker-summary" aria-labelledby="summary-title" hidden>
<h2 id="summary-title">Your answers</h2>
<dl></dl>
</aside>
</div>
</div>"""


# --------------------------------------------------------------------------- reference pages


_GROUPS = (
    ("for-therapists", "For therapists and counsellors", lambda o: o.audiences == {"therapist"}),
    ("for-survivors", "For survivors", lambda o: o.audiences == {"survivor"}),
    ("outside-england-and-wales", "Outside England and Wales", lambda o: len(o.audiences) > 1),
)


def render_outcomes_page() -> str:
    parts = []
    for group_id, group_title, belongs in _GROUPS:
        parts.append(f"## {group_title} {{#{group_id}}}")
        for outcome in (o for o in OUTCOMES.values() if belongs(o)):
            title, body = outcome_body(outcome.id, outcome.id, levels=2)
            parts.append(f"### {title} {{#{outcome.id}}}")
            parts.append(f"*Outcome id: `{outcome.id}` · {outcome.summary}.*")
            parts.append(body)
            parts.append(f"#### Sources {{#{outcome.id}-sources}}\n\n{sources_list(outcome.cites)}")
    parts.append("## Extra text shown with some outcomes {#extra-text}")
    parts.extend(render_flag(name, "flag", attribute=False) for name in flag_names())
    return "\n\n".join(parts)


DATE_LABELS = {"before-chapter-3a": "a date before 12 January 2026",
               "chapter-3a": "a date on or after 12 January 2026"}


def _label(fact: str, value: str) -> str:
    if fact == "audience":
        return value
    _, _, labels = parse_question(fact)
    return labels.get(value, value)


def render_decision_table() -> str:
    """Every question, each answer, and where it leads (read from all paths)."""
    parts = []
    for audience in FLOWS:
        leads: dict[tuple[str, str], dict[str, None]] = {}
        for result in all_paths(audience, ask_side_questions=False):
            steps = list(result.path) + [str(result.outcome)]
            for fact, following in zip(result.path, steps[1:]):
                value = result.answers[fact]
                shown = DATE_LABELS[regime_on(value).id] if isinstance(value, date) else str(value)
                leads.setdefault((fact, shown), {})[following] = None
        parts.append(f"## {audience.capitalize()} questions {{#{audience}}}")
        rows = ["| Question | If you answer | Next |", "|---|---|---|"]
        for (fact, shown), nexts in leads.items():
            title = parse_question(fact)[0]
            label = shown if shown in DATE_LABELS.values() else _label(fact, shown)
            targets = []
            for target in nexts:
                if target in OUTCOMES:
                    targets.append(f"Outcome: [{split_title(read_include('outcomes', target), target)[0]}](outcomes.md#{target})")
                else:
                    targets.append(f"[{parse_question(target)[0]}](#{audience}-{target})")
            joined = " *or, depending on earlier answers,* ".join(targets)
            rows.append(f"| <span id=\"{audience}-{fact}\"></span>{title} | {label} | {joined} |")
        parts.append("\n".join(dict.fromkeys(rows)))
    return "\n\n".join(parts)


def anchor_source(anchor: str) -> tuple[str, str]:
    """`survivors/court/#x` -> (`survivors/court.md`, `x`): the Markdown file that publishes it."""
    url, _, fragment = anchor.partition("#")
    stem = url.strip("/")
    for candidate in (f"{stem}.md", f"{stem}/index.md" if stem else "index.md"):
        if (ROOT / "docs" / candidate).exists():
            return candidate, fragment
    raise FileNotFoundError(f"published anchor {anchor!r}: no page docs/{stem}.md")


def render_published_anchors() -> str:
    """The list campaigners can cite, from docs/includes/published-anchors.txt (links from
    campaigners/links.md)."""
    lines = (INCLUDES / "published-anchors.txt").read_text(encoding="utf-8").split()
    items = []
    for line in lines:
        source, fragment = anchor_source(line)
        items.append(f"- [/{line}](../{source}#{fragment})")
    return "\n".join(items)


RENDERERS: dict[str, Callable[[], str]] = {
    "checker:app": render_checker,
    "checker:outcomes": render_outcomes_page,
    "checker:decision-table": render_decision_table,
    "checker:sources": render_sources_page,
    "site:published-anchors": render_published_anchors,
}


def expand_markers(markdown: str, where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in RENDERERS:
            raise ValueError(f"{where}: unknown marker <!-- {name} -->")
        return RENDERERS[name]()

    return _MARKER.sub(replace, markdown)


# --------------------------------------------------------------------------- MkDocs events

_wheel_cache: dict[str, object] = {}


def on_config(config):  # type: ignore[no-untyped-def]
    wheel = build_wheel()
    digest = hashlib.sha256(wheel).hexdigest()[:12]
    wheel_path = Path(tempfile.gettempdir()) / f"checker-wheel-{digest}" / WHEEL_NAME
    wheel_path.parent.mkdir(parents=True, exist_ok=True)
    wheel_path.write_bytes(wheel)
    version = pyodide_version()
    _wheel_cache.update(path=wheel_path, uri=f"assets/checker/{digest}/{WHEEL_NAME}",
                        pyodide=f"assets/pyodide/{version}/")
    config.extra["checker"] = {
        "wheel": _wheel_cache["uri"], "pyodide": _wheel_cache["pyodide"],
        "pyodide_version": version, "version": checker.__version__,
        "boot_timeout_ms": BOOT_TIMEOUT_MS,
    }
    config.extra["law_stated_as_at"] = long_date(checker.LAW_STATED_AS_AT)
    config.extra["law_stated_as_at_iso"] = checker.LAW_STATED_AS_AT.isoformat()
    config.extra["next_review"] = long_date(checker.NEXT_REVIEW)
    return config


def on_files(files, config):  # type: ignore[no-untyped-def]
    from mkdocs.structure.files import File

    files.append(File.generated(config, str(_wheel_cache["uri"]), abs_src_path=str(_wheel_cache["path"])))
    for name in PYODIDE_FILES:
        files.append(File.generated(config, f"{_wheel_cache['pyodide']}{name}",
                                    abs_src_path=str(PYODIDE_DIR / name)))
    return files


_OUTCOME_PANEL = re.compile(r'(<section [^>]*\bdata-outcome=[^>]*>)(.*?)(</section>)', re.S)


def inert_outcome_panels(html_text: str) -> str:
    """Each outcome's content goes in a data block, `<script type="text/html">`, which the
    browser neither runs nor parses into elements: it only scans the text for its end tag.
    checker.js turns the text into the panel's content when the visitor reaches that outcome.
    The page carries all 25 outcomes (about 190 KB): laid out, they blocked the main thread;
    as <template>s (parsed into inert elements) they still cost about 50 ms of it at load."""

    def inert(match: re.Match[str]) -> str:
        opening, content, closing = match.groups()
        if "</script" in content.lower():
            raise ValueError(f"an outcome's text contains </script: {opening}")
        return f'{opening}<script type="text/html">{content}</script>{closing}'

    return _OUTCOME_PANEL.sub(inert, html_text)


def on_page_content(html_text, page, config, files):  # type: ignore[no-untyped-def]
    # Glossary terms can be reached by keyboard, so their meaning shows on focus too.
    html_text = html_text.replace("<abbr title=", '<abbr tabindex="0" title=')
    if "data-checker" in html_text:
        html_text = inert_outcome_panels(html_text)
    if "toc" in (page.meta.get("hide") or []) and page.toc.items:
        # The theme renders a hidden table of contents anyway, and puts it in the phone menu.
        # On the checker it would list every hidden question and outcome heading: 40 KB of
        # markup to lay out, and links to panels that are not on show. Only the page title
        # stays: the theme's "Skip to content" link points at it.
        page.toc.items[0].children = []
        del page.toc.items[1:]
    return html_text


def on_page_markdown(markdown, page, config, files):  # type: ignore[no-untyped-def]
    markdown = expand_markers(markdown, page.file.src_uri)
    if (INCLUDES / "glossary.md").exists():
        markdown += "\n\n{!glossary.md!}\n"
    return markdown
