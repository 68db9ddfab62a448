"""A minimal Word document (.docx) from plain text, with the standard library only.

Runs in the visitor's browser (Pyodide), so a letter can be saved as .docx without any file
leaving the device. One paragraph per line; a line starting with "- " becomes a bulleted
paragraph; the first line is bold (the subject).
"""

from __future__ import annotations

import io
import zipfile

# XML text escaping, as xml.sax.saxutils.escape does. Not imported from there: in the
# browser that module pulls in urllib.request and costs about half a second at start-up.
_XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph(line: str, bold: bool) -> str:
    indent = ""
    if line.startswith("- "):
        line = "\u2022 " + line[2:]
        indent = '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr>'
    run_properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (f'<w:p>{indent}<w:r>{run_properties}<w:t xml:space="preserve">{line.translate(_XML_TEXT)}</w:t>'
            "</w:r></w:p>")


def docx_bytes(text: str) -> bytes:
    lines = text.strip("\n").split("\n")
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
