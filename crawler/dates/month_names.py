"""English month names and abbreviations -> month number, shared by date parsing and mention finding."""

from __future__ import annotations

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        )
    )
    for name in names.split()
}

EUROPEAN_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        (
            "janvier janv enero ene gennaio gen janeiro januar jänner jän januari",
            "février févr fevrier fevr febrero febbraio fevereiro fev februar februari",
            "mars marzo março marco märz mär maart mrt",
            "avril avr abril abr aprile",
            "mai mayo maggio mag maio mei",
            "juin junio giugno giu junho juni",
            "juillet juil julio luglio lug julho juli",
            "août aout agosto ago augustus",
            "septembre sept septiembre setiembre settembre set setembro",
            "octobre octubre ottobre ott outubro out oktober okt",
            "novembre noviembre novembro",
            "décembre decembre déc diciembre dic dicembre dezembro dez dezember",
        )
    )
    for name in names.split()
}
"""French, Spanish, Italian, Portuguese, German and Dutch month names and abbreviations (for page
dates such as "19. Juli 2014", "2 de abril de 2020", "12 mars 2015"); English ones are in MONTHS."""
PAGE_MONTHS = {**EUROPEAN_MONTHS, **MONTHS}
"""Every month name a page date may use."""
