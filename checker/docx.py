"""Word documents (.docx) made with the standard library only, on the visitor's device.

Runs in the visitor's browser (Pyodide), so a letter or a record can be saved as .docx
without any file leaving the device. A document is a list of paragraphs, each a style and
its text, in one of the STYLES: real Word styles (styles.xml), with a plain font at 12 pt, a
bold title and headings, bold labels, grey italic hints, indented quotes and bullets, on an
A4 page with 2.54 cm margins. The core properties name no author and no date, and every file in the
archive has the same fixed timestamp, so the same text always makes the same bytes.

Tabs, vertical tabs and form feeds become Word's tab, line break and page break; characters
XML cannot hold are left out, and half a character (a lone surrogate) shows as U+FFFD.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

# XML text escaping, as xml.sax.saxutils.escape does. Not imported from there: in the
# browser that module pulls in urllib.request and costs about half a second at start-up.
# The same table drops what XML 1.0 forbids, which Word refuses to open: C0 controls (tab,
# line feed and carriage return are handled before) and U+FFFE, U+FFFF; a lone surrogate
# (half of a character, as a pasted or damaged string may hold) becomes U+FFFD, the
# replacement character, so the visitor sees where something was lost.
_XML_TEXT = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;",
    **{chr(code): None for code in (*range(0x20), 0xFFFE, 0xFFFF)},
    **{chr(code): "\ufffd" for code in range(0xD800, 0xE000)},
})
# Word's own elements for a tab, a line break (vertical tab, as Word writes it in plain
# text) and a page break (form feed).
_BREAKS = {"\t": "<w:tab/>", "\x0b": "<w:br/>", "\x0c": '<w:br w:type="page"/>'}
_BREAK = re.compile("([\t\x0b\x0c])")
_LINE_ENDS = re.compile("\r\n?|[\n\x85\u2028\u2029]")

_OPENXML = "http://schemas.openxmlformats.org"
_W = f"{_OPENXML}/wordprocessingml/2006/main"
_RELATIONSHIP = f"{_OPENXML}/officeDocument/2006/relationships"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_CONTENT_TYPES = _XML_DECLARATION + "".join((
    f'<Types xmlns="{_OPENXML}/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    f'<Override PartName="/word/document.xml" ContentType="{_WORD_TYPE}.document.main+xml"/>',
    f'<Override PartName="/word/styles.xml" ContentType="{_WORD_TYPE}.styles+xml"/>',
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    "</Types>"))
_PACKAGE_RELS = _XML_DECLARATION + "".join((
    f'<Relationships xmlns="{_OPENXML}/package/2006/relationships">',
    f'<Relationship Id="rId1" Type="{_RELATIONSHIP}/officeDocument" Target="word/document.xml"/>',
    f'<Relationship Id="rId2" Type="{_OPENXML}/package/2006/relationships/metadata/core-properties"'
    ' Target="docProps/core.xml"/>',
    "</Relationships>"))
_DOCUMENT_RELS = _XML_DECLARATION + "".join((
    f'<Relationships xmlns="{_OPENXML}/package/2006/relationships">',
    f'<Relationship Id="rId1" Type="{_RELATIONSHIP}/styles" Target="styles.xml"/>',
    "</Relationships>"))
# Core properties with nothing about the person or the device: no author, no "last modified
# by", no dates. Only the language, so a reader's spelling checker uses British English.
_CORE = _XML_DECLARATION + "".join((
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<dc:language>en-GB</dc:language>",
    "</cp:coreProperties>"))

# Sizes are in half-points (w:sz) and twentieths of a point (twips: spacing, indents, page).
_FONT = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'


def _style(style_id: str, name: str, paragraph: str = "", run: str = "", default: bool = False) -> str:
    is_default = ' w:default="1"' if default else ""
    based_on = "" if default else '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
    return (f'<w:style w:type="paragraph"{is_default} w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'{based_on}<w:qFormat/><w:pPr>{paragraph}</w:pPr><w:rPr>{run}</w:rPr></w:style>')


#: Paragraph styles: id -> (the name Word shows, paragraph properties, run properties).
STYLES = {
    "Normal": ("Normal", "", f'{_FONT}<w:sz w:val="24"/><w:szCs w:val="24"/>'),
    "Title": ("Title", '<w:keepNext/><w:spacing w:after="120"/>',
              '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>'),
    "Heading1": ("heading 1",
                 '<w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="0"/>',
                 '<w:b/><w:sz w:val="26"/><w:szCs w:val="26"/>'),
    "Label": ("Label", "<w:keepNext/>", "<w:b/>"),
    "Hint": ("Hint", "", '<w:i/><w:color w:val="595959"/>'),
    "Quote": ("Quote", '<w:ind w:left="567"/>', ""),
    "ListBullet": ("List Bullet", '<w:ind w:left="360" w:hanging="360"/>', ""),
}
_STYLES_XML = _XML_DECLARATION + "".join((
    f'<w:styles xmlns:w="{_W}">',
    "<w:docDefaults>",
    f'<w:rPrDefault><w:rPr>{_FONT}<w:sz w:val="24"/><w:szCs w:val="24"/>'
    '<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>',
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>',
    "</w:docDefaults>",
    *(_style(style_id, name, paragraph, run, default=style_id == "Normal")
      for style_id, (name, paragraph, run) in STYLES.items()),
    "</w:styles>"))
# A4 portrait (210 x 297 mm), 2.54 cm margins all round, as Word's own UK default.
_SECTION = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" '
            'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>')
_BULLET = "\u2022\t"  # the tab stops at the hanging indent, so every line of the item aligns


def _paragraph(style: str, text: str) -> str:
    if style == "ListBullet":
        text = _BULLET + text
    properties = "" if style == "Normal" else f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
    content = "".join(
        _BREAKS.get(piece) or f'<w:t xml:space="preserve">{piece.translate(_XML_TEXT)}</w:t>'
        for piece in _BREAK.split(text) if piece)
    return f"<w:p>{properties}<w:r>{content}</w:r></w:p>"


def document_bytes(paragraphs: Iterable[tuple[str, str]]) -> bytes:
    """A .docx of (style, text) paragraphs; the XML is valid whatever the text holds.

    A line break inside a paragraph's text starts a new paragraph of the same style."""
    body = []
    for style, text in paragraphs:
        if style not in STYLES:
            raise ValueError(f"unknown paragraph style {style!r}")
        body += [_paragraph(style, line) for line in _LINE_ENDS.split(text)]
    document = (f'{_XML_DECLARATION}<w:document xmlns:w="{_W}"><w:body>'
                f'{"".join(body)}{_SECTION}</w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _PACKAGE_RELS),
                           ("docProps/core.xml", _CORE), ("word/_rels/document.xml.rels", _DOCUMENT_RELS),
                           ("word/document.xml", document), ("word/styles.xml", _STYLES_XML)):
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 12, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def text_paragraphs(text: str, title: str | None = None) -> list[tuple[str, str]]:
    """A plain-text letter as paragraphs: one per line, "- " lines as bullets, and the first
    line that reads exactly as `title` (the letter's subject) in the Title style."""
    lines = _LINE_ENDS.split(text.strip("\r\n\x85\u2028\u2029"))
    wanted = title.strip() if isinstance(title, str) and title.strip() else None
    paragraphs = []
    for line in lines:
        if wanted is not None and line.strip() == wanted:
            paragraphs.append(("Title", line.strip()))
            wanted = None
        elif line.startswith("- "):
            paragraphs.append(("ListBullet", line[2:]))
        else:
            paragraphs.append(("Normal", line))
    return paragraphs


def docx_bytes(text: str, title: str | None = None) -> bytes:
    """The (edited) text as a .docx, whatever it holds: the XML is valid for any string."""
    return document_bytes(text_paragraphs(text, title))
