"""The Markdown view: brief, ledger (contested first) and timeline, with article text made inert."""
from present_sample import build

from newsprism.config import Config
from newsprism.model import Analysis
from newsprism.present.summary import summarize
from newsprism.present.markdown import md_escape, render_markdown


def test_sections_in_order_with_contested_facts_first():
    md = render_markdown(build())
    assert md.startswith("# newsprism analysis — Port Ellis harbour works")
    order = [md.index(h) for h in ("## Brief", "## Fact ledger", "### Contested (1)", "### Corroborated (1)",
                                    "### Single source (1)", "## Timeline", "## Documents")]
    assert order == sorted(order)


def test_contested_positions_quote_each_outlet():
    md = render_markdown(build())
    block = md[md.index("### Contested"):md.index("### Corroborated")]
    assert "- 40 ships\n  - Harbor Times: “The Harbor Times counted 40 ships waiting outside the breakwater”" in block
    assert "(reported): “Officials said 55 ships were waiting”" in block


def test_a_fact_quoted_outlet_by_outlet_is_one_line_of_the_brief():
    a = build()
    a.summary = summarize(a, Config())
    md = render_markdown(a)
    brief = md[md.index("## Brief"):md.index("## Fact ledger")]
    lines = [line for line in brief.splitlines() if line.startswith("- ")]
    assert len(lines) == 2   # the agreed fact (two quotations) and the contested one
    assert lines[0].startswith("- Daily &lt;b onmouseover=alert(3)&gt;Quay&lt;/b&gt; reports: “Mayor Ana Pop announced")
    assert "Harbor Times reports: “Mayor Ana Pop said on Monday" in lines[0]
    assert lines[0].endswith("[Daily &lt;b onmouseover=alert(3)&gt;Quay&lt;/b&gt;, Harbor Times]")


def test_entity_values_are_named():
    md = render_markdown(build())
    assert "- Ana Pop\n" in md


def test_timeline_is_a_table_in_date_order():
    md = render_markdown(build())
    rows = [line for line in md.splitlines() if line.startswith("| 2025")]
    assert [r.split(" | ")[0] for r in rows] == ["| 2025-03", "| 2025-03-03"]


def test_article_text_cannot_make_markup_links_or_cells():
    assert md_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md_escape("[click](javascript:alert(1))") == "\\[click\\](javascript:alert(1))"
    assert md_escape("![img](x)") == "\\!\\[img\\](x)"
    assert md_escape("a | b\n\n# c *d* _e_ `f`") == "a \\| b \\# c \\*d\\* \\_e\\_ \\`f\\`"
    assert md_escape("1. not a list") == "1\\. not a list"
    md = render_markdown(build())
    assert "<script>" not in md and "<b " not in md and "](javascript" not in md


def test_only_http_urls_are_linked():
    md = render_markdown(build())
    assert "<https://harbor.example/pier>" in md
    assert "javascript:alert(4)" not in md


def test_empty_analysis():
    md = render_markdown(Analysis())
    for line in ("Nothing to summarize.", "No facts found.", "No dated events found.", "No documents."):
        assert line in md
