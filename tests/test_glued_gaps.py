"""Rule `gap-cut`: on a glued dump (BeautifulSoup `get_text()` with no separator), the source whitespace
between two elements (two or more spaces, tabs or no-break spaces) is an element edge."""

from __future__ import annotations

from articlecli import parse_text
from articlecli.frontends.text import gap_cuts, read_units

# A health agency's page as a glued dump: the headings are separated from the paragraphs around them only by
# the no-break spaces the page's editor left between its elements.
GLUED_GAPS_PAGE = (
    "FDA’s Concerns with Unapproved GLP-1 Drugs Used for Weight LossSkip to main contentDrugsFood"
    "Medical DevicesRadiation-Emitting ProductsVaccines, Blood, and BiologicsAnimal and VeterinaryCosmetics"
    "Tobacco ProductsFDA has received reports of adverse events related to compounded versions of these drugs. "
    "Patients should talk to a health care provider about their medicines.\u00a0\u00a0Concerns with compounded "
    "versions of these drugs\u00a0\u00a0A compounded drug might be appropriate if a patient’s medical need cannot "
    "be met by an approved drug, and it is made under the supervision of a licensed pharmacist.Compounded drugs "
    "are not reviewed by the agency for safety, effectiveness or quality before they are marketed.\u00a0\u00a0"
    "Fraudulent compounded GLP-1 drugs\u00a0\u00a0The agency is aware of fraudulent products sold as compounded "
    "drugs, and it continues to warn the companies that sell them online.Content current as of 03/01/2025\n"
)


def _texts(text: str) -> list[str]:
    return [unit.text.strip() for unit in read_units(text)[0]]


def test_a_heading_between_gaps_on_a_glued_page_is_a_unit_of_its_own():
    texts = _texts(GLUED_GAPS_PAGE)
    assert "Concerns with compounded versions of these drugs" in texts
    assert "Fraudulent compounded GLP-1 drugs" in texts
    assert any(text.startswith("A compounded drug might be appropriate") for text in texts)


def test_a_page_that_is_not_glued_keeps_its_gaps():
    # Double spaces after sentences are a typing habit: on a page with no glue they cut nothing.
    text = "The agency  reviewed the drugs.  Then it wrote to the companies that sold them online.\n" * 3
    assert _texts(text) == [line.strip() for line in text.splitlines()]


def test_no_cut_after_a_byline_word_or_a_field_separator():
    # 'by  Walter' and 'Czerny -   4. Februar' are the fields of one byline element, not two elements.
    line = "Posted 11. April 2018  by  Walter von Aachen    Standorte Shuji: Japan."
    assert [line[cut:] for cut in gap_cuts(line)] == ["Standorte Shuji: Japan."]
    assert gap_cuts("Von Patrick Czerny -   4. Februar 2022") == []


def test_a_glued_byline_cut_at_gaps_names_its_author():
    page = (
        "Zusammenarbeit Shuji ./. Walter April 2018 I  Posted 11. April 2018  by  Walter von Aachen    Standorte "
        "Shuji: Japan. Walter: Deutschland. Filmmaterial Fuji X-TRA 400. Kameras Shuji: Widelux. Walter: PENTAX Z-1 "
        "p. Belichtungsfolge  Shuji. Walter.  Fotostrecke      Teilen mit:FacebookGoogleGefällt mir:Gefällt mir Wird "
        "geladen...Related PostsDie Bilder der Zusammenarbeit zeigen zwei Städte auf zwei Kontinenten, "
        "fotografiert auf demselben Film "
        "und im selben Monat.Jeder von uns hat zwölf Bilder ausgewählt, die zueinander passen, und sie "
        "nebeneinander gestellt.Teilen mit:FacebookTwitterÄhnliche BeiträgeZusammenarbeit Anna ./. Walter\n"
    )
    assert parse_text(page).authors == ("Walter von Aachen",)


def test_a_layout_dump_keeps_its_gaps():
    # A browser-like dump indents its lines and aligns table columns with spaces: its gaps are layout. The same
    # glued text unindented is cut at them.
    line = (
        "Tier 1: Task Manager Software   High on usability, light on features.The tier most teams start with."
        "Tier 2: Balanced Project Management Software   A balanced mix of usability and features.Teams that "
        "outgrow a task list move here.Tier 3: Enterprise Project Management Software   Harder to adopt, high on "
        "features.Large companies with many projects pick it."
    )
    flat = _texts(line + "\n")
    assert "High on usability, light on features." in flat
    laid_out = _texts("".join(f"   {line}\n" for _ in range(3)))
    assert "High on usability, light on features." not in laid_out
    assert "Tier 1: Task Manager Software   High on usability, light on features." in laid_out


def test_two_typed_spaces_between_sentences_are_no_gap():
    line = (
        "We offer gift cards as well.  Please call the shop.\u00a0\u00a0Opening hours\u00a0\u00a0"
        "Open daily from 10 to 6."
    )
    assert [line[cut:] for cut in gap_cuts(line)] == [
        "Opening hours\u00a0\u00a0Open daily from 10 to 6.",
        "Open daily from 10 to 6.",
    ]
