"""Odd but readable files, end to end (read, then clean): each is a document with its text, or skipped
with a reason a reader would accept. Every file is written here; none comes from a corpus."""
import codecs

import pytest

from newsprism.config import Config
from newsprism.model import Document
from newsprism.pipeline import iter_cleaned

BODY = ("Harbour pilots in Port Ellis ended their strike on Friday after the port authority agreed to hire twelve "
        "more pilots, the union said.")
RU = ("Лоцманы порта Порт-Эллис прекратили забастовку в пятницу после того, как администрация порта согласилась "
      "нанять ещё двенадцать лоцманов, сообщил профсоюз.")
AR = ("أنهى المرشدون البحريون في ميناء بورت إليس إضرابهم يوم الجمعة بعد أن وافقت سلطة الميناء على توظيف اثني عشر "
      "مرشدا إضافيا، حسبما قالت النقابة.")


def page(body: str, title: str = "Pilots end strike") -> str:
    return f"<html><head><title>{title}</title></head><body><article><p>{body}</p></article></body></html>"


# name -> (bytes, words the text must hold, what else must hold for the document)
CASES = {
    "bad-utf8.txt": ((BODY[:40] + " naïve").encode() + b"\xff\xfe\xc3(" + BODY[40:].encode(),
                     ["naïve", "the union said"], {"notes": ["not valid UTF-8 in 3 places: replaced with U+FFFD"]}),
    "utf16-bom.txt": (codecs.BOM_UTF16_LE + BODY.replace("Friday", "Monday").encode("utf-16-le"), ["on Monday"],
                      {"notes": []}),
    "utf16-no-bom.txt": (BODY.replace("Friday", "Sunday").encode("utf-16-le"), ["on Sunday"],
                         {"notes": ["decoded as UTF-16-LE without a byte-order mark"]}),
    "latin1.txt": ((BODY + " Café owners in São Tomé cheered.").encode("latin-1"), ["Café owners in São Tomé"],
                   {"notes": ["not valid UTF-8 and no charset declared: decoded as cp1252 (a guess)"]}),
    "nuls.txt": (BODY.replace("twelve", "ten").encode()[:50] + b"\x00\x00" + BODY.replace("twelve", "ten").encode()[50:]
                 + b"\x00", ["hire ten more"], {"notes": ["3 NUL bytes removed"]}),
    "zero-width.txt": (BODY.replace("pilots", "pi\u200blots").replace("union", "un\u200dion").encode(),
                       ["Harbour pilots", "the union said"], {}),
    "bidi.txt": ((BODY + " The sign read \u202eenots\u202c and \u2067שלום\u2069.").encode(),
                 ["\u202eenots\u202c", "\u2067שלום\u2069"], {}),
    "deep.html": (("<html><head><title>Pilots end strike</title></head><body>" + "<div>" * 3000
                   + f"<p>{BODY}</p>" + "</div>" * 3000 + "</body></html>").encode(), [BODY],
                  {"title": "Pilots end strike",
                   "notes": ["no article found by the HTML extractor: the page's visible text was cleaned instead"]}),
    "unclosed.html": (f"<html><head><title>Pilots end strike<body><div><p>{BODY}<p>Ships entered the port.".encode(),
                      [BODY, "Ships entered the port."], {"title": "Pilots end strike"}),
    "script-title.html": (page(BODY, "<script>alert(1)</script>Pilots end strike").replace(
        "<article>", "<article><h1>Pilots <script>alert(2)</script>end strike</h1>").encode(), [BODY], {}),
    "russian.txt": (RU.encode(), [RU], {"language": "ru"}),
    "arabic.html": (page(AR, "إضراب").replace("<html>", '<html lang="ar" dir="rtl">').encode(), [AR], {"language": "ar"}),
    "Ferry strike — über café ☃ notes.txt": (BODY.replace("Friday", "Tuesday").encode(), ["on Tuesday"],
                                             {"id": "Ferry_strike_über_café_notes"}),
}


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("odd")
    for name, (data, _, _) in CASES.items():
        (folder / name).write_bytes(data)
    warnings: list[str] = []
    docs = {d.source.rsplit("/", 1)[-1]: d for d in iter_cleaned([folder], Config(), warnings.append)}
    return docs, warnings


def test_every_odd_file_is_kept(documents):
    docs, warnings = documents
    assert warnings == [] and sorted(docs) == sorted(CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_each_keeps_its_text_and_says_how_it_was_read(documents, name):
    doc: Document = documents[0][name]
    _, words, expected = CASES[name]
    for w in words:
        assert w in doc.text, (name, w, doc.text[:200])
    for field, value in expected.items():
        assert getattr(doc, field) == value, (name, field)
    assert "alert" not in (doc.title or "") and "\x00" not in doc.text and "<" not in doc.text
