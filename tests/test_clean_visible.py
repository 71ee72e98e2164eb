"""visible_text: what a reader of a page sees, from a tokenizer that builds no tree (no depth limit)."""
from newsprism.clean.visible import visible_text


def test_blocks_become_paragraphs_and_hidden_elements_disappear():
    html = ("<html><head><title>Ferries</title><style>p{}</style></head><body><nav>Home</nav><h1>Ferries  resume</h1>"
            "<p>The first ferry\nsailed at noon.<script>track()</script></p><template><p>x</p></template>"
            "<noscript>Enable JS</noscript><ul><li>One</li><li>Two &amp; three</li></ul></body></html>")
    assert visible_text(html) == ("Home\n\nFerries resume\n\nThe first ferry sailed at noon.\n\nOne\n\nTwo & three",
                                  "Ferries")


def test_nesting_has_no_depth_limit_and_costs_linear_time():
    text, _ = visible_text("<div>" * 100_000 + "<p>Deep words.</p>" + "</div>" * 100_000)
    assert text == "Deep words."


def test_an_unclosed_title_or_head_ends_where_the_body_begins():
    assert visible_text("<title>Pilots end strike<body><p>Pilots ended the strike.") == (
        "Pilots ended the strike.", "Pilots end strike")
    assert visible_text("<head><title>T</title><p>In the body after all.") == ("In the body after all.", "T")


def test_nothing_visible_is_empty():
    assert visible_text("<script>only()</script>") == ("", None)
    assert visible_text("") == ("", None)
