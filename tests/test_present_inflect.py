from newsprism.present.inflect import gerund, participle, past, plural


def test_past_regular_irregular_and_doubling():
    assert [past(v) for v in ("praise", "visit", "carry", "ban", "expel", "lead", "say", "host")] == \
        ["praised", "visited", "carried", "banned", "expelled", "led", "said", "hosted"]


def test_participle_and_gerund():
    assert participle("take") == "taken" and participle("host") == "hosted"
    assert [gerund(v) for v in ("expel", "praise", "die", "see", "visit")] == \
        ["expelling", "praising", "dying", "seeing", "visiting"]


def test_plural_keeps_case_and_plurals():
    assert [plural(n) for n in ("citizen", "casualty", "Israeli", "people", "sailors", "man", "box")] == \
        ["citizens", "casualties", "Israelis", "people", "sailors", "men", "boxes"]
