"""A minimal Word document (.docx) from plain text, with the standard library only.

Runs in the visitor's browser (Pyodide), so a letter can be saved as .docx without any file
leaving the device. One paragraph per line; a line starting with "- " becomes a bulleted
paragraph; the first line is bold (the subject). Tabs, vertical tabs and form feeds become
Word's tab, line break and page break; characters XML cannot hold are left out.
"""

from __future__ import annotations

import io
import re
import zipfile

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

_OPENXML = "http://schemas.openxmlformats.org"
_CONTENT_TYPES = "\n".join((
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    f'<Types xmlns="{_OPENXML}/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    "</Types>"))
_RELS = "\n".join((
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    f'<Relationships xmlns="{_OPENXML}/package/2006/relationships">',
    f'<Relationship Id="rId1" Type="{_OPENXML}/officeDocument/2006/relationships/officeDocument"'
    ' Target="word/document.xml"/>',
    "</Relationships>"))
_W = f"{_OPENXML}/wordprocessingml/2006/main"


def _paragraph(line: str, bold: bool) -> str:
    indent = ""
    if line.startswith("- "):
        line = "\u2022 " + line[2:]
        indent = '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr>'
    run_properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    content = "".join(
        _BREAKS.get(piece) or f'<w:t xml:space="preserve">{piece.translate(_XML_TEXT)}</w:t>'
        for piece in _BREAK.split(line) if piece)
    return f"<w:p>{indent}<w:r>{run_properties}{content}</w:r></w:p>"


def docx_bytes(text: str) -> bytes:
    """The text as a .docx, whatever it holds: the XML is valid for any string."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    body = "".join(_paragraph(line, bold=index == 0) for index, line in enumerate(lines))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
                           ("word/document.xml", document)):
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 12, 0, 0, 0)), data,
                             zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
