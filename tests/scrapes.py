"""Realistic article text shared by the header and boilerplate tests: one title and body per language."""

from __future__ import annotations

TITLES = {
    "en": "Old harbour bridge to close to cars next spring",
    "fr": "Le vieux pont du port fermé aux voitures au printemps",
    "de": "Alte Hafenbrücke wird im Frühjahr für Autos gesperrt",
    "es": "El viejo puente del puerto se cerrará a los coches en primavera",
    "it": "Il vecchio ponte del porto chiuso alle auto in primavera",
    "pt": "Velha ponte do porto fechada aos carros na primavera",
    "nl": "Oude havenbrug gaat in het voorjaar dicht voor auto’s",
}
BODIES = {
    "en": (
        "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after "
        "engineers warned that the structure could no longer carry heavy traffic safely.",
        "Residents who live on the north bank said they were worried about longer journeys to work, while "
        "cycling groups welcomed the decision and asked for a wider path for bikes.",
        "The council expects the repairs to cost about 40 million pounds and to take at least three years, "
        "according to a report published with the vote.",
    ),
    "fr": (
        "Le conseil municipal a voté mardi la fermeture du vieux pont du port aux voitures à partir du "
        "printemps prochain, après que les ingénieurs ont averti que la structure ne pouvait plus supporter "
        "un trafic lourd.",
        "Les habitants de la rive nord se disent inquiets de trajets plus longs pour aller au travail, tandis "
        "que les associations de cyclistes ont salué une décision qu’elles réclamaient depuis des années.",
        "Selon le rapport publié avec le vote, les travaux devraient coûter environ 40 millions d’euros et "
        "durer au moins trois ans.",
    ),
    "de": (
        "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke ab dem kommenden Frühjahr für Autos "
        "zu sperren, nachdem Ingenieure vor der maroden Konstruktion gewarnt hatten.",
        "Anwohner am Nordufer befürchten längere Wege zur Arbeit, während Radfahrverbände die Entscheidung "
        "begrüßten und einen breiteren Radweg auf der Brücke forderten.",
        "Laut dem Bericht, der mit der Abstimmung veröffentlicht wurde, sollen die Arbeiten rund 40 Millionen "
        "Euro kosten und mindestens drei Jahre dauern.",
    ),
    "es": (
        "El ayuntamiento votó el martes cerrar el viejo puente del puerto a los coches a partir de la próxima "
        "primavera, después de que los ingenieros advirtieran de que la estructura ya no puede soportar "
        "tráfico pesado.",
        "Los vecinos de la orilla norte temen trayectos más largos para ir al trabajo, mientras que las "
        "asociaciones de ciclistas celebraron una decisión que reclamaban desde hace años.",
        "Según el informe publicado junto con la votación, las obras costarán unos 40 millones de euros y "
        "durarán al menos tres años.",
    ),
    "it": (
        "Il consiglio comunale ha votato martedì la chiusura del vecchio ponte del porto alle auto a partire "
        "dalla prossima primavera, dopo che gli ingegneri hanno avvertito che la struttura non regge più il "
        "traffico pesante.",
        "I residenti della sponda nord temono tragitti più lunghi per andare al lavoro, mentre le associazioni "
        "di ciclisti hanno accolto con favore una decisione chiesta da anni.",
        "Secondo il rapporto pubblicato insieme al voto, i lavori costeranno circa 40 milioni di euro e "
        "dureranno almeno tre anni.",
    ),
    "pt": (
        "A câmara municipal votou na terça-feira o encerramento da velha ponte do porto aos carros a partir da "
        "próxima primavera, depois de os engenheiros terem alertado que a estrutura já não suporta tráfego "
        "pesado.",
        "Os moradores da margem norte temem viagens mais longas para o trabalho, enquanto as associações de "
        "ciclistas saudaram uma decisão que reclamavam há anos.",
        "Segundo o relatório publicado com a votação, as obras deverão custar cerca de 40 milhões de euros e "
        "durar pelo menos três anos.",
    ),
    "nl": (
        "De gemeenteraad heeft dinsdag besloten de oude havenbrug vanaf volgend voorjaar af te sluiten voor "
        "auto’s, nadat ingenieurs hadden gewaarschuwd dat de constructie het zware verkeer niet meer aankan.",
        "Bewoners van de noordoever vrezen langere reistijden naar hun werk, terwijl fietsersbonden het besluit "
        "verwelkomden en om een breder fietspad op de brug vroegen.",
        "Volgens het rapport dat samen met de stemming werd gepubliceerd, gaan de werkzaamheden ongeveer 40 "
        "miljoen euro kosten en duren ze minstens drie jaar.",
    ),
}


# An article as a text browser renders it (w3m -dump, 80 columns): the headline, byline and date, then the
# paragraphs wrapped at the terminal's width. The browser tests put the page's menu above it.
WRAPPED_ARTICLE = """\
Old harbour bridge to close to cars next spring

By Jane Doe
12 March 2024

The city council voted on Tuesday to close the old harbour bridge to cars from
next spring, after engineers from the Port Authority warned that the structure
could no longer carry heavy traffic safely, the council's transport committee
said in a statement on Wednesday after a meeting that lasted for five hours.

Residents who live on the north bank said they were worried about longer
journeys to work. Cycling groups welcomed the decision and asked the mayor, Anne
Martin, for a wider path for bikes on the bridge once the repairs are finished.

The council expects the repairs to cost about 40 million pounds and to take at
least three years, according to a report published with the vote on Tuesday by
the city's engineers, who inspected the piers and the deck over the winter.
"""
