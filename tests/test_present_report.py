"""The HTML report: every section, contested facts first, exact evidence, and no way for
article text or metadata to become markup."""
import re

from lxml import html as lhtml
from present_sample import HARBOR, QUAY, XSS_AUTHOR, XSS_OUTLET, XSS_TITLE, build

from newsprism.model import Analysis
from newsprism.present.report import csp_hash, render_html, static_text

def C(name: str) -> str:
    """XPath test for an element carrying CSS class `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


SECTIONS = ("overview", "brief", "facts", "timeline", "entities", "framing", "documents")


def page(a: Analysis):
    return lhtml.document_fromstring(render_html(a))


def test_every_section_is_there():
    root = page(build())
    for sid in SECTIONS:
        assert root.get_element_by_id(sid) is not None, sid
    assert root.findtext(".//title") == "Port Ellis harbour works"


def test_contested_facts_come_first_with_positions_side_by_side():
    root = page(build())
    groups = [g.get("id") for g in root.xpath(f".//details[{C('group')}]")]
    assert groups == ["g-contested", "g-corroborated", "g-compatible", "g-single_source"]
    fact = root.get_element_by_id("fact-f1")
    values = [p.text_content() for p in fact.xpath(f".//*[{C('position')}]//*[{C('value')}]")]
    assert values == ["40 ships", "55 ships"]
    quotes = [q.text_content() for q in fact.xpath(".//q")]
    assert quotes == ["The Harbor Times counted 40 ships waiting outside the breakwater", "Officials said 55 ships were waiting"]
    assert root.get_element_by_id("g-contested").get("open") is not None


def test_evidence_links_point_at_exact_offsets():
    a = build()
    root = page(a)
    links = root.get_element_by_id("fact-f1").xpath(f".//a[{C('evidence-link')}]")
    assert [l.get("data-claim") for l in links] == ["c3", "c4"]
    for link in links:
        c = a.claim(link.get("data-claim"))
        assert link.get("href") == f"#doc-{c.doc}"
        assert (int(link.get("data-start")), int(link.get("data-end"))) == (c.start, c.end)  # no astral chars before
    # after an emoji, offsets are given in UTF-16 units, as the browser counts them
    c6 = root.xpath(f".//a[{C('evidence-link')}][@data-claim='c6']")[0]
    assert int(c6.get("data-end")) - int(c6.get("data-start")) == len(a.claim("c6").text) + 1


def test_documents_show_their_exact_cleaned_text_with_highlights():
    root = page(build())
    harbor = root.get_element_by_id("text-harbor")
    assert harbor.text_content() == HARBOR
    assert [m.text for m in harbor.xpath(".//mark[@class='loaded']")] == ["reckless"]
    assert [m.text for m in harbor.xpath(".//mark[@class='label']")] == ["Mayor"]
    assert root.get_element_by_id("text-quay").text_content() == QUAY
    removed = root.get_element_by_id("doc-harbor").xpath(".//details[@class='removed']//li")
    assert "Subscribe <now>" in removed[0].text_content()


def test_no_article_text_or_metadata_becomes_markup():
    html_text = render_html(build())
    root = lhtml.document_fromstring(html_text)
    scripts = root.findall(".//script")
    assert len(scripts) == 1 and scripts[0].text == static_text("report.js")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        assert not any(k.lower().startswith("on") for k in el.attrib), (el.tag, el.attrib)
        href = el.get("href")
        if href is not None:
            assert href.startswith(("#", "http://", "https://")), href
    assert root.find(".//img") is None and root.find(".//iframe") is None and root.find(".//b") is None
    text = root.text_content()
    for hostile in (XSS_TITLE, XSS_AUTHOR, XSS_OUTLET, "<svg onload=alert(9)>", "<script>alert(12)</script>"):
        assert hostile in text  # shown literally
    assert "javascript:alert(4)" in text and 'href="javascript' not in html_text.lower()


def test_csp_allows_only_the_reports_own_style_and_script():
    root = page(build())
    csp = root.xpath(".//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert "default-src 'none'" in csp
    assert csp_hash(static_text("report.js")) in csp and csp_hash(static_text("report.css")) in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    assert not re.search(r"<(link|img|script)[^>]+(src|href)=", render_html(build()))  # nothing loaded


def test_timeline_is_in_date_order_with_an_axis():
    root = page(build())
    dates = [t.text for t in root.xpath(".//ol[@class='timeline']//time")]
    assert dates == sorted(dates) == ["2025-03", "2025-03-03"]
    assert len(root.xpath(".//svg[@class='axis']//circle")) == 2


def test_entities_table_and_network():
    root = page(build())
    names = [th.text_content() for th in root.xpath(".//table[@class='entities']/tbody//th")]
    assert names[0] == "Ana Pop" and "<svg onload=alert(9)>" in names
    assert len(root.xpath(".//figure[@class='network']/svg//circle")) == 2


def test_framing_marks_rows_where_outlets_disagree():
    root = page(build())
    rows = root.xpath(".//table[@class='labels']/tbody/tr")
    assert rows[0].get("class") == "disagree"
    assert [td.text_content() for td in rows[0].xpath("./td")] == ["mayor", "<i>tyrant</i>"]
    assert [b.text for b in root.xpath(f".//table[@class='voices']//*[{C('badge')}]")] == ["news", "opinion"]


def test_storylines_hold_their_events():
    root = page(build())
    line = root.xpath(f".//*[{C('storyline')}]")[0]
    assert "Port Ellis harbour works" in line.findtext("h3") + line.find("h3").text_content()
    assert [li.find("strong").text for li in line.xpath(".//ol[@class='events']/li")] == ["Port Ellis pier closure"]


def test_an_empty_analysis_says_nothing_was_found():
    root = page(Analysis())
    text = root.text_content()
    for line in ("No stories found.", "No facts found.", "No dated events found.", "No entities found.",
                 "No framing found.", "No documents.", "Nothing to summarize"):
        assert line in text


def test_stages_switched_off_leave_short_notes_not_errors():
    a = build()
    bare = Analysis.from_dict({"documents": [d.model_dump() for d in a.documents]})
    root = page(bare)
    assert root.get_element_by_id("text-quay").text_content() == QUAY
    assert "No facts found." in root.text_content()


def test_the_sample_corpus_report_renders(sample_analysis):
    root = page(sample_analysis)
    for d in sample_analysis.documents:
        assert root.get_element_by_id(f"text-{d.id}").text_content() == d.text
    for link in root.xpath(f".//a[{C('evidence-link')}]"):
        c = sample_analysis.claim(link.get("data-claim"))
        assert sample_analysis.document(c.doc).text[c.start:c.end] == c.text
