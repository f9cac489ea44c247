"""Rule `dated-byline-glued-name`: on a date line with a byline word, the name a glued dump ran straight into
the date is the author, not a name the byline word introduces in the text before it."""

from __future__ import annotations

from articlecli import parse_text
from articlecli.header.glued_bylines import name_glued_onto_date

# A literature radio's programme page as a glued dump, all on one line: a teaser of the interview (which names
# the writer after 'Die Autorin') runs into the presenter's name, and the name straight into the broadcast date.
GLUED_PROGRAMME_PAGE = (
    'Interview über den neuen Roman "Schutzzone" › Litradio          Über uns  Redaktion   '
    "Community  Diskussion     Suchen        PodcastPodcastAlle anzeigen Marxplaining- Folge 3 (un)entschieden "
    "Folge 4 Mit Zoë Beck beim Einfach-Selbermachen SpektakelSpektakelAlle anzeigen Die Lyrikerin Lisa Jeschke im "
    "Gespräch Die Autorin Karosh Taha im Gespräch Autor°innen  Hot HotJetztWocheMonat Wie erschreiben und "
    "erflexen wir uns Räume? I Insert Female Artist Festival1 Männliche Bauchredner weiblicher Erfahrungen2 "
    "Laura Naumann3     Die Autorin Nora Bossong im Gespräch über ihren Roman “Schutzzone” Nicole Collignon22. "
    "Februar 2020© GORDON Photography                    StartseiteDokumentationHAM.LIT   "
    "Im Gespräch erzählt Nora Bossong "
    "von der Arbeit an ihrem für den deutschen Buchpreis nominierten Roman “Schutzzone”, in dem die Hauptfigur "
    "Mira ihre eigene Rolle als UN-Beauftragte kritisch hinterfragen muss. Sie spricht über ihre Recherchearbeit, "
    "über das Ausprobieren von Erzählperspektiven, über Positionierung und Hoffnung in der Desillusion. Das "
    "Gespräch führte Nicole Collignon. Im zweiten Teil des Gesprächs geht es um die Frage, wie viel Wahrheit ein "
    "Roman über Krieg und Frieden tragen kann, und warum Mira zwischen Genf, Burundi und New York reist. Bossong "
    "erzählt auch, wie die Gespräche mit Diplomatinnen und Helfern in die Figuren eingegangen sind, und liest zum "
    "Schluss eine Passage aus dem dritten Kapitel des Romans vor.Sharen mit:"
    "Klick, um über Twitter zu teilen (Wird in neuem Fenster geöffnet)"
    "Klick, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)Gefällt mir:Gefällt mir Wird geladen...\n"
)


def test_the_name_glued_onto_the_date_is_the_author():
    assert parse_text(GLUED_PROGRAMME_PAGE).authors == ("Nicole Collignon",)


def test_name_glued_onto_date_needs_the_glue():
    line = "Die Autorin Nora Bossong im Gespräch über ihren Roman “Schutzzone” Nicole Collignon22. Februar 2020"
    assert name_glued_onto_date(line, "de") == "Nicole Collignon"
    # A space before the date: the byline reads as it stands.
    assert name_glued_onto_date("Ein Beitrag von Nicole Collignon 22. Februar 2020", "de") is None
    # One capitalised word glued on is as often a site or a section.
    assert name_glued_onto_date("Im Gespräch mit der Redaktion22. Februar 2020", "de") is None
