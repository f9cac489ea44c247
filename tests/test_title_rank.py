"""The title ranker: its candidates, its pick, and how --explain names it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapes import WRAPPED_ARTICLE

from articlecli import parse_text
from articlecli.frontends.decoding import normalize_text
from articlecli.frontends.text import read_units
from articlecli.header import title_rank
from articlecli.header.reader import is_meta_line
from articlecli.header.title import find_title
from articlecli.labeller.content import find_region
from articlecli.records.lexicon import lexicon_for, stopwords
from articlecli.records.record import build_records

# A clipped article: its headline, then a standfirst in the same shape, then the byline and text.
CLIPPED = (
    "\n\n".join(
        (
            "Wie Städte ihre Radwege planen",
            "Neue Zählstellen zeigen, wo der Verkehr wächst",
            "Von Anna Müller",
            "Die Stadt hat im vergangenen Jahr an zwölf Stellen gezählt, wie viele Menschen mit dem Rad fahren, "
            "und die Zahlen sind deutlich gestiegen, vor allem auf den Wegen in die Innenstadt.",
            "Im Stadtrat wird nun darüber beraten, welche Strecken zuerst ausgebaut werden sollen und wie viel Geld "
            "dafür im nächsten Haushalt bereitsteht.",
        )
    )
    + "\n"
)


def _is_byline(text: str) -> bool:
    return text.startswith("Von ")


def _candidates(text: str) -> tuple[list[title_rank.Candidate], object]:
    units, _ = read_units(normalize_text(text))
    lexicon = lexicon_for("de")
    records = build_records(units, lexicon, stopwords("de"), "de")
    region = find_region(units, records, True)
    scored: dict[int, tuple[float, float]] = {}
    choice = find_title(units, records, (region.start, region.end), _is_byline, scored)
    found = title_rank.candidates(units, records, (region.start, region.end), _is_byline, scored, choice)
    return found, choice


def test_candidates_hold_the_rules_pick_first_and_every_scored_line() -> None:
    found, choice = _candidates(CLIPPED)
    assert choice is not None
    names = title_rank.FEATURE_NAMES
    assert found[0].text == choice.text and found[0].vector[names.index("rule_pick")] == 1.0
    texts = [c.text for c in found]
    assert "Wie Städte ihre Radwege planen" in texts
    assert "Neue Zählstellen zeigen, wo der Verkehr wächst" in texts
    assert len(set(texts)) == len(texts)
    assert all(len(c.vector) == len(names) for c in found)


def _model_file(tmp_path: Path, feature: str, threshold: float) -> Path:
    """A model that prefers the page's first line by one feature alone."""
    names = title_rank.FEATURE_NAMES
    weights = [5.0 if name == feature else 0.0 for name in names]
    spec = {"features": list(names), "weights": weights, "mean": [0.0] * len(names), "scale": [1.0] * len(names)}
    path = tmp_path / "title.json"
    path.write_text(json.dumps({**spec, "threshold": threshold}), encoding="utf-8")
    return path


def test_the_model_pick_is_the_title_and_explain_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 0.5)))
    article = parse_text(CLIPPED)
    assert article.title == "Wie Städte ihre Radwege planen"
    title_lines = [d for d in article.decisions if d.label == "title"]
    assert [d.text for d in title_lines] == ["Wie Städte ihre Radwege planen"]
    assert title_lines[0].rule.startswith(title_rank.MODEL_RULE)
    assert float(title_lines[0].rule.removeprefix(title_rank.MODEL_RULE)) >= 0.5


def test_below_the_threshold_the_rules_decide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, title_rank.RULES_ONLY)
    rules = parse_text(CLIPPED)
    # A probability can never reach 1.01: the model never overrides.
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 1.01)))
    unsure = parse_text(CLIPPED)
    assert unsure.title == rules.title
    assert [d.rule for d in unsure.decisions if d.label == "title"] == [
        d.rule for d in rules.decisions if d.label == "title"
    ]


# A journal page dumped with its issue line first: the line holds a date, so it is metadata.
DATED_FIRST = (
    "\n\n".join(
        (
            "Published on 25.Jun.2019 in Vol 7 , No 6 (2019)",
            "Efficacy of a Meditation App to Reduce Stress in College Students",
            "Background: Stress is common among college students, and the number of students who report it has "
            "grown in each of the last ten years, with effects on their grades and their health.",
            "Methods: We recruited students from one university and asked half of them to use the app for ten "
            "minutes a day over eight weeks, while the others waited for the same offer.",
        )
    )
    + "\n"
)


def test_the_model_never_crowns_a_metadata_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 0.5)))
    # The same model crowns the first line where it is a headline (the test above) ...
    assert parse_text(CLIPPED).title == "Wie Städte ihre Radwege planen"
    # ... but not where the first line is a date line: the page keeps its title and its date.
    article = parse_text(DATED_FIRST)
    assert article.title == "Efficacy of a Meditation App to Reduce Stress in College Students"
    assert not any(d.rule.startswith(title_rank.MODEL_RULE) for d in article.decisions)
    assert article.published is not None and article.published.startswith("2019-06-25")


def test_a_model_for_other_features_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"features": ["words"], "weights": [1.0], "mean": [0], "scale": [1], "threshold": 0.5}))
    with pytest.raises(ValueError, match="retrain"):
        title_rank.TitleModel.from_json(json.loads(path.read_text()))


# A clipped article whose headline has two parts: the first line stands right above the date line, so it is the
# headline itself, not a <title> with a site name to cut.
TWO_PART_HEADLINE = (
    "\n\n".join(
        (
            "Barcamp Graz 2015 – Politcamp Call for Action",
            "Posted on 2015-04-05 by marc",
            "In nicht mehr ganz zwei Wochen ist es soweit: das Barcamp Graz 2015 steht vor der Tür, und beim "
            "Politcamp werden wieder interessierte Menschen zusammenkommen, um über Politik zu diskutieren.",
            "Alle sind herzlich eingeladen, da zu sein und sich einzubringen: ein Call for Action an alle. Einzige "
            "Voraussetzung ist, dass ihr euch rechtzeitig dafür anmeldet, damit wir genug Räume planen können.",
        )
    )
    + "\n"
)


def _candidate_texts(text: str) -> list[str]:
    units, _ = read_units(normalize_text(text))
    lexicon = lexicon_for("de")
    records = build_records(units, lexicon, stopwords("de"), "de")
    region = find_region(units, records, True)
    scored: dict[int, tuple[float, float]] = {}

    def is_meta(line: str) -> bool:
        return line.startswith("Posted on ")

    choice = find_title(units, records, (region.start, region.end), is_meta, scored)
    found = title_rank.candidates(units, records, (region.start, region.end), is_meta, scored, choice)
    return [c.text for c in found]


def test_a_headline_above_its_date_line_is_not_cut_at_its_dash() -> None:
    texts = _candidate_texts(TWO_PART_HEADLINE)
    assert "Barcamp Graz 2015 – Politcamp Call for Action" in texts
    assert "Barcamp Graz 2015" not in texts and "Politcamp Call for Action" not in texts


def test_a_page_title_is_cut_before_the_site_name_unless_it_heads_a_date_line() -> None:
    head = "Wie Städte ihre Radwege planen - Stadtblatt"
    forms = title_rank._first_line_forms(head)
    assert ("Wie Städte ihre Radwege planen", "first-suffix") in forms and ("Stadtblatt", "first-part") in forms
    # Above a byline or date, the suffix is cut only when the rules' site-name test (given here) says so.
    assert title_rank._first_line_forms(head, lambda cut: False) == [(head, "first-head")]
    named = title_rank._first_line_forms(head, lambda cut: "Stadtblatt" in cut)
    assert named == [(head, "first-head"), ("Wie Städte ihre Radwege planen", "first-suffix")]


@pytest.mark.parametrize(
    "head",
    [
        # A lowercase word after the dash continues the headline: no site name starts so.
        "Transitioning to a plant-based diet – tips and tricks",
        "Minions mit Schablonen malen – mit Malerrolle und bunten Farben",
    ],
)
def test_the_first_line_is_not_cut_before_a_lowercase_word(head: str) -> None:
    assert [form for form, _ in title_rank._first_line_forms(head)] == [head]


def test_a_model_preferring_cut_forms_keeps_a_two_part_headline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "kind_first-part", 0.3)))
    article = parse_text(TWO_PART_HEADLINE)
    assert article.title == "Barcamp Graz 2015 – Politcamp Call for Action"
    assert article.published is not None and article.published.startswith("2015-04-05")


# A blog post whose text is English, its theme's date line German: the line is still a date line.
FOREIGN_DATE_FIRST = (
    "\n\n".join(
        (
            "17. Januar 2014",
            "Derek Jarman · The Garden",
            "The Garden is a film by Derek Jarman, shot in the shingle garden he made around his cottage at "
            "Dungeness, and it is one of the most personal films he ever made.",
            "It tells the passion story in images rather than words, and the cottage, the power station and the sea "
            "all appear in it again and again, as in a dream he could not leave.",
        )
    )
    + "\n"
)


def test_a_date_line_in_another_language_is_never_crowned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = lexicon_for("en")
    assert is_meta_line("17. Januar 2014", lexicon, "en")
    assert is_meta_line("Publicado el 4 de mayo de 2020", lexicon, "en")
    assert not is_meta_line("The best films of 2014", lexicon, "en")
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 0.5)))
    article = parse_text(FOREIGN_DATE_FIRST)
    assert article.title == "Derek Jarman · The Garden"
    assert not any(d.rule.startswith(title_rank.MODEL_RULE) for d in article.decisions)


@pytest.mark.parametrize(
    ("language", "trail"),
    [
        ("de", "Sie sind hier: Home » Europa » Deutschland » Niedersachsen » Emden"),
        ("de", "Sie sind hier: Startseite » Essen » Essen-Westviertel"),
        ("en", "You are here: Home / Travel / Emden"),
    ],
)
def test_a_trail_after_a_you_are_here_label_is_metadata(language: str, trail: str) -> None:
    assert is_meta_line(trail, lexicon_for(language), language)
    # The label alone with a headline after it is no trail.
    assert not is_meta_line("Kolumne: Queer Royal - Über Dragqueens und Dragkings", lexicon_for("de"), "de")


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # A site name may be written in lowercase: a word or two.
        (
            "Sazerac - alles über den Cocktail-Klassiker aus New Orleans - watson",
            "Sazerac - alles über den Cocktail-Klassiker aus New Orleans",
        ),
        ("Sprungbrett-Event Schaffhausen | together ag", "Sprungbrett-Event Schaffhausen"),
    ],
)
def test_a_lowercase_site_name_is_still_cut(head: str, title: str) -> None:
    assert (title, "first-suffix") in title_rank._first_line_forms(head)


def test_the_title_page_shares_the_rules_facts_with_the_ranker() -> None:
    """One TitlePage handed to the rules and the ranker (as header/reader.py does) gives the same pick and
    vectors as each building its own, and its meta_line is the short-metadata-line test by index."""
    from articlecli.header.record import META_MAX_WORDS
    from articlecli.header.title import TitlePage, first_line_choice

    page_text = "Mehr Menschen fahren in die Innenstadt | Stadtblatt\n\n" + CLIPPED
    units, _ = read_units(normalize_text(page_text))
    lexicon = lexicon_for("de")
    records = build_records(units, lexicon, stopwords("de"), "de")
    region = find_region(units, records, True)
    bounds = (region.start, region.end)
    asked: list[str] = []

    def is_meta(line: str) -> bool:
        asked.append(line)
        return _is_byline(line)

    page = TitlePage(units, records, bounds, is_meta)
    expected = [records[i].words <= META_MAX_WORDS and _is_byline(units[i].text) for i in range(len(units))]
    assert [page.meta_line(i) for i in range(len(units))] == expected
    assert page.meta_line(units.index(next(u for u in units if u.text == "Von Anna Müller")))
    assert not page.meta_line(-1) and not page.meta_line(len(units))
    first, again = page.first_choice(), first_line_choice(units, records, bounds, is_meta)
    assert first is not None and again is not None and first[1] == again[1]
    assert (first[0].index, first[0].text, first[0].rule) == (again[0].index, again[0].text, again[0].rule)
    assert page.first_choice() is first

    shared: dict[int, tuple[float, float]] = {}
    choice = find_title(units, records, bounds, is_meta, shared, page)
    found = title_rank.candidates(units, records, bounds, is_meta, shared, choice, page)
    alone: dict[int, tuple[float, float]] = {}
    choice_alone = find_title(units, records, bounds, _is_byline, alone)
    found_alone = title_rank.candidates(units, records, bounds, _is_byline, alone, choice_alone)
    # (TitleChoice and Candidate compare by identity: their fields are compared.)
    assert choice is not None and choice_alone is not None and shared == alone
    assert (choice.index, choice.text, choice.evidence, choice.rule) == (
        choice_alone.index,
        choice_alone.text,
        choice_alone.evidence,
        choice_alone.rule,
    )
    assert [(c.index, c.text, c.kind, c.vector) for c in found] == [
        (c.index, c.text, c.kind, c.vector) for c in found_alone
    ]
    # A verdict the page holds is not asked for again.
    before = len(asked)
    page.meta_line(2)
    assert len(asked) == before


# A Markdown page whose headline, the one top-level heading, stands above a long photo strip (80 link labels)
# before the article's text begins: far outside the rules' window above the main text.
FAR_HEADLINE = (
    "\n".join(
        [
            "Startseite",
            "",
            "# Wie Städte ihre Radwege planen",
            "",
            *(f"* [Bild {number} von 80](/galerie/bild-{number})" for number in range(1, 81)),
            "",
            "Die Stadt hat im vergangenen Jahr an zwölf Stellen gezählt, wie viele Menschen mit dem Rad fahren, "
            "und die Zahlen sind deutlich gestiegen, vor allem auf den Wegen in die Innenstadt.",
            "",
            "Im Stadtrat wird nun darüber beraten, welche Strecken zuerst ausgebaut werden sollen und wie viel Geld "
            "dafür im nächsten Haushalt bereitsteht, und die Verwaltung legt dazu einen Plan vor.",
        ]
    )
    + "\n"
)


def test_the_first_top_level_heading_far_above_the_text_is_a_candidate() -> None:
    found, _ = _candidates(FAR_HEADLINE)
    names = title_rank.FEATURE_NAMES
    anchors = [c for c in found if c.kind == "anchor"]
    assert [c.text for c in anchors] == ["Wie Städte ihre Radwege planen"]
    assert anchors[0].vector[names.index("first_h1")] == 1.0
    assert anchors[0].vector[names.index("kind_anchor")] == 1.0


def test_a_model_preferring_the_first_top_level_heading_takes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_h1", 0.3)))
    article = parse_text(FAR_HEADLINE)
    assert article.title == "Wie Städte ihre Radwege planen"
    assert [d.rule.startswith(title_rank.MODEL_RULE) for d in article.decisions if d.label == "title"] == [True]


def test_a_second_level_heading_far_above_the_text_is_no_candidate() -> None:
    found, _ = _candidates(FAR_HEADLINE.replace("# Wie", "## Wie"))
    assert "Wie Städte ihre Radwege planen" not in [c.text for c in found]


@pytest.mark.parametrize(
    ("line", "glued"),
    [
        # An all-capitals section label glued to the headline by a scraper that joins nodes without a space.
        ("MEDITATIONThe Ultimate Guide to Meditation: Techniques, Benefits, and Tips", True),
        # A breadcrumb glued to a headline that starts with a one-letter word.
        ("Collections / BooksA Treatise Concerning the Properties and Effects of Coffee (1792)", True),
        # A link label glued after the headline.
        ("Best Practices for Vehicle RentalsRequest our free ebook", True),
        ("Wie Städte ihre Radwege planen", False),
        ("NASA and ESA Plan a New Mission", False),
    ],
)
def test_a_glued_line_is_marked(line: str, glued: bool) -> None:
    assert title_rank._has_glue_join(line) is glued


def test_a_date_opening_the_line_is_marked() -> None:
    line = "1. Februar 2022 Bundesministerin Raab: Mit Ländern familienfreundliche Rahmenbedingungen gestalten"
    assert title_rank._date_at_start(line, "de")
    assert not title_rank._date_at_start("Bundesministerin Raab trifft die Länder", "de")


# A news page: the headline, the photo's caption with its credit, then the byline and the text.
CAPTIONED = (
    "\n\n".join(
        (
            "Österreich erneut im Spitzenfeld bei Alkoholkonsum",
            "Pro-Kopf-Konsum von 11,1 Litern pro Jahr © APA/dpa/Jens Büttner",
            "Von Anna Müller",
            "Österreich liegt beim Alkoholkonsum weiterhin im europäischen Spitzenfeld, wie ein neuer Bericht zeigt, "
            "und die Zahlen sind seit zehn Jahren kaum gesunken, vor allem bei den älteren Männern.",
            "Die Gesundheitsbehörden wollen nun mit einer Kampagne gegensteuern und setzen dabei auf Aufklärung in "
            "den Schulen und auf höhere Preise.",
        )
    )
    + "\n"
)


@pytest.mark.parametrize("model", [title_rank.RULES_ONLY, None])
def test_a_caption_with_a_copyright_mark_is_no_title(model: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if model is not None:
        monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, model)
    found, _ = _candidates(CAPTIONED)
    assert not any("©" in c.text for c in found)
    assert parse_text(CAPTIONED).title == "Österreich erneut im Spitzenfeld bei Alkoholkonsum"


# A text browser's dump: numbered links first ("[3]Droplets" is a menu entry), then the article.
NUMBERED_LINKS = "[3]Droplets\n\n" + CLIPPED.replace("Neue Zählstellen zeigen, wo der Verkehr wächst\n\n", "")


def test_a_model_pick_opening_with_a_link_reference_number_leaves_the_rules_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 0.3)))
    found, _ = _candidates(NUMBERED_LINKS)
    assert "[3]Droplets" in [c.text for c in found]
    assert parse_text(NUMBERED_LINKS).title == "Wie Städte ihre Radwege planen"


# A text browser's whole-page dump (w3m -dump, 80 columns): it opens with the logo's alt text, not the <title>;
# its paragraphs are wrapped at the terminal's width.
BROWSER_DUMP = "Publisher Logo\n\nHome News Sport Culture\n\n" + WRAPPED_ARTICLE


def test_a_browser_dump_has_no_title_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    headline = "Old harbour bridge to close to cars next spring"
    # A model that crowns the first line wherever it can: on a browser's dump that is the page's first element.
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 0.3)))
    assert parse_text(BROWSER_DUMP).title == headline
    # The same page scraped from its markup, paragraphs unwrapped: the first line is its <title>, and is taken.
    scraped = "\n\n".join(block.replace("\n", " ") for block in BROWSER_DUMP.split("\n\n"))
    assert parse_text(scraped.replace("Publisher Logo", "Harbour bridge to close")).title == "Harbour bridge to close"
    assert parse_text(BROWSER_DUMP.replace("Publisher Logo", "Harbour bridge to close")).title == headline


@pytest.mark.parametrize(
    "box", ["Suche nach: ____________________ Suche", "Suche nach: [                    ] [Suche]"]
)
def test_a_line_with_a_form_field_is_no_title(box: str) -> None:
    # A search box's line as lynx and w3m draw it, right above the text where a headline would stand.
    body = BROWSER_DUMP.split("12 March 2024\n\n")[1]
    assert parse_text(f"{box}\n\n{body}").title != box
    assert parse_text(f"Harbour bridge to close\n\n{box}\n\n{body}").title == "Harbour bridge to close"


# A newspaper page dumped by a scraper: an all-capitals section kicker above the headline, then the standfirst.
KICKER_PAGE = (
    "\n\n".join(
        (
            "CAMBIO CLIMÁTICO",
            "¿Ha llegado realmente la Antártida a los 20 grados?",
            "Los científicos cuestionan el reciente récord de temperatura y advierten de la tendencia al calentamiento",
            "Que en la Antártida se registren temperaturas de más de 20 grados no tiene por qué deberse al cambio "
            "climático, explican los investigadores que estudian el continente desde hace décadas.",
            "El continente helado sigue siendo un lugar tan remoto e inaccesible que se tiende a verlo como un todo, "
            "con climas y temperaturas muy diferentes entre la costa y el interior.",
        )
    )
    + "\n"
)


def test_the_model_never_crowns_the_kicker_the_rules_stepped_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, title_rank.RULES_ONLY)
    rules = parse_text(KICKER_PAGE)
    assert rules.title == "¿Ha llegado realmente la Antártida a los 20 grados?"
    assert [d.rule for d in rules.decisions if d.label == "title"] == ["title-below-kicker"]
    # A model that prefers the first line (the kicker here) leaves the rules' headline.
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 0.3)))
    assert parse_text(KICKER_PAGE).title == rules.title


# A page a scraper glued into one line (no space between the elements): a back link, the headline, its date and
# topic line, then the text.
GLUED_DATE_PAGE = (
    "ZurückAuf das erste Elektron kommt es an12. Januar 2022,Themen: ÖkosystemeEnergieWer atmet, muss Elektronen "
    "loswerden. Forschende haben untersucht, wie Bakterien im Boden die ersten Elektronen an Mineralien abgeben und "
    "welche Rolle das für den Kreislauf des Kohlenstoffs in Feuchtgebieten spielt. Die Ergebnisse zeigen, dass schon "
    "kleine Mengen an Eisen den Ablauf der Reaktion stark verändern und damit auch die Menge an Treibhausgasen, die "
    "aus den Böden entweicht. Die Gruppe will nun prüfen, ob sich das auch im Feld so zeigt wie im Labor.\n"
)


def test_the_model_never_glues_back_the_date_the_rules_cut_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, title_rank.RULES_ONLY)
    rules = parse_text(GLUED_DATE_PAGE)
    assert rules.title == "Auf das erste Elektron kommt es an"
    # A model that prefers a line with a glue join would take the line as printed.
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "glue_join", 0.3)))
    assert parse_text(GLUED_DATE_PAGE).title == rules.title


def test_a_kicker_in_the_headlines_case_is_left_to_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Not set in capitals, the short line above may be the page's own title (a forum's category above a thread's).
    page = KICKER_PAGE.replace("CAMBIO CLIMÁTICO", "Cambio climático")
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, title_rank.RULES_ONLY)
    assert [d.rule for d in parse_text(page).decisions if d.label == "title"] == ["title-below-kicker"]
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 0.3)))
    assert parse_text(page).title == "Cambio climático"


def test_a_server_error_message_above_the_page_is_no_title(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warning = (
        "Warning: mysql_get_server_info(): Access denied for user ''@'localhost' (using password: NO) in "
        "/www/htdocs/site/wp-content/plugins/tagging/tagging.php on line 299"
    )
    page = f"{warning}\n\n{KICKER_PAGE}"
    # A model that crowns the first line, where the server printed its warning above the page.
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 0.3)))
    assert parse_text(page).title != warning
    assert title_rank.rules.is_server_message(warning)
    assert not title_rank.rules.is_server_message("Warning: Storms expected on the coast tonight")
