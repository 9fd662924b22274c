"""The parts of a job ad and the cues that tell them apart without headings.

An ad's frame — who the company is, the work, the profile, what is offered, how
to apply — has names here; a sentence in an ad without headings gets its part
from its own words ("Wir bieten …" is the offer, "Du planst …" is the work).
"""

from __future__ import annotations

import re

INTRO, WORK, PROFILE, OFFER, APPLY, EXCLUDED, FACTS, OTHER = (
    "intro",
    "work",
    "profile",
    "offer",
    "apply",
    "excluded",
    "facts",
    "other",
)
IGNORED = {INTRO, OFFER, APPLY, FACTS}
"""Parts that describe the employer or the application, not the job."""

BULLETS = "-–—*•·▪►▸▹‣⁃◦○●■□◆◇✓✔➤→+"
BULLET = re.compile(r"^\s*(?:[" + BULLETS + r"]|\d{1,2}[.)])\s*")

YOU = r"\b(?:sie|du|dich|dir|ihnen|ihr|ihre[nmrs]?|dein(?:e[nmrs]?)?|euch)\b"
OFFER_CUES = re.compile(
    r"\bwir bieten|\bbieten (?:wir|dir|ihnen)|\bbenefits?\b|\burlaub|\bgehalt|vergütung"
    r"|\bbezahlung|home.?office|\bremote\b|\bjobrad|dienstrad|firmenwagen|weiterbildung"
    r"|fortbildung|zuschuss|altersvorsorge|flexible arbeitszeit|gleitzeit|\bunbefristet"
    r"|\bbefristet|\bobst\b|kaffee|team.?events|rabatt|\btvöd|\btv-?l\b|entgeltgruppe"
    r"|\be\s?\d{1,2}\b|€|\beur\b|brutto|deutschlandticket|\bkita\b|sabbatical"
    r"|\bgym\b|fitnessstudio.?mitgliedschaft|\d+ tage|work.?life|kantine|essenszuschuss"
    r"|onboarding|bei uns (?:erwartet|bekommst|findest)|wir freuen uns auf dich",
    re.I,
)
APPLY_CUES = re.compile(
    r"bewerb|bewirb|lebenslauf|anschreiben|unterlagen|ansprechpartner|\bkontakt"
    r"|e-?mail|@|\btel\b|telefon|kennziffer|referenznummer|bewerbungsfrist"
    r"|freuen uns auf (?:ihre|deine)|schick(?:e|) uns|senden sie uns|jetzt bewerben"
    r"|apply|\bbis zum \d",
    re.I,
)
INTRO_CUES = re.compile(
    r"^(?:wir sind|wir gehören|wir stehen|wir zählen|wir entwickeln|wir produzieren"
    r"|wir betreiben|wir beraten|wir begleiten|wir unterstützen|wir helfen|wir machen"
    r"|wir verbinden|wir bringen|wir bauen|wir schaffen|wir verstehen|wir arbeiten"
    r"|wir vertreiben|wir versorgen|wir vertreten|unser unternehmen|unsere agentur"
    r"|unser team|unsere kunden|unsere kund|unser haus|als (?:führende|familien|mittel)"
    r"|seit (?:über )?\d|mit (?:rund |über |mehr als )?\d[\d.]* (?:mitarbeit|beschäft))"
    r"|spezialisiert auf|gegründet|marktführer|standorte|kunden wie",
    re.I,
)
PROFILE_CUES = re.compile(
    r"\b(?:sie|du) (?:haben|hast|bringen|bringst|verfügen|verfügst|sind|bist|kennen"
    r"|kennst|können|kannst|beherrschen|beherrschst|besitzen|besitzt|sprechen|sprichst"
    r"|denkst|denken|arbeitest gern|arbeiten gern|hast lust|liebst|lieben)\b"
    r"|erfahrung|kenntnisse|studium|ausbildung|abschluss|idealerweise|von vorteil"
    r"|wünschenswert|sicher(?:er|es|e)? (?:umgang|auftreten)|deutschkenntnisse"
    r"|englischkenntnisse|führerschein|affinität|leidenschaft|begeisterung|freude an"
    r"|teamfähig|kommunikationsstark|organisationstalent|zuverlässig|selbstständig"
    r"|\bjahre(?:n)? (?:berufs)?erfahrung|know-how|\bskills?\b|gespür|händchen"
    r"|talent|motivation|bist .* typ|hands-on-mentalität|mindset",
    re.I,
)
WORK_CUES = re.compile(
    YOU + r".{0,60}\b(?:planst|planen|entwickelst|entwickeln|erstellst|erstellen"
    r"|schreibst|schreiben|betreust|betreuen|moderierst|moderieren|gestaltest|gestalten"
    r"|verantwortest|verantworten|kümmerst|kümmern|übernimmst|übernehmen|steuerst"
    r"|steuern|koordinierst|koordinieren|analysierst|analysieren|begleitest|begleiten"
    r"|konzipierst|konzipieren|produzierst|produzieren|veröffentlichst|postest|posten"
    r"|beantwortest|beantworten|pflegst|pflegen|baust|bauen|treibst|treiben|sorgst"
    r"|sorgen|hältst|halten|führst|führen|schulst|schulen|programmierst|optimierst"
    r"|optimieren|bist verantwortlich|sind verantwortlich|wertest|werten|misst|messen"
    r"|berätst|beraten|entwirfst|entwerfen|recherchierst|recherchieren|unterstützt"
    r"|arbeitest|arbeiten)\b"
    r"|^(?:[-–•*✓]\s*)?(?:erstellung|planung|betreuung|konzeption|entwicklung|pflege"
    r"|verantwortung|steuerung|moderation|umsetzung|analyse|gestaltung|produktion"
    r"|durchführung|koordination|aufbau|weiterentwicklung|mitarbeit|unterstützung"
    r"|beratung|begleitung|schulung|auswertung|redaktion|recherche|optimierung"
    r"|programmierung|beantwortung|identifikation|monitoring|reporting|erarbeitung)",
    re.I,
)


YOU_DO = re.compile(
    r"^(?:[-–—*•·▪►✓✔➤→+]\s*)?(?:du|sie)\s+(?!(?:hast|haben|bringst|bringen|bist|sind"
    r"|kennst|kennen|kannst|können|verfügst|verfügen|beherrschst|beherrschen|sprichst"
    r"|sprechen|besitzt|besitzen|denkst|denken|liebst|lieben|arbeitest gern"
    r"|arbeiten gern"
    r"|hast lust|möchtest|möchten|willst|wollen|überzeugst|überzeugen|interessierst"
    r"|interessieren|begeisterst|begeistern|behältst|behalten|fühlst|fühlen)\b)\w+",
    re.I,
)


DOES_YOU = re.compile(
    r"\b(?:bauen|entwickeln|gestalten|programmieren|erstellen|schreiben|betreuen"
    r"|übernehmen|setzen|pflegen|produzieren|moderieren|optimieren|planen) (?:Sie|du)\b"
    r"|\b(?:baust|entwickelst|gestaltest|programmierst|erstellst|schreibst|betreust"
    r"|übernimmst|setzt|pflegst|produzierst|moderierst|optimierst|planst) du\b"
)


def is_work_statement(piece: str) -> bool:
    """A line that says what the person does, even where an ad lists it among
    the requirements: "Du setzt Erweiterungen in PHP selbst um", "… denn
    interaktive Karten bauen Sie bei uns selbst"."""
    text = BULLET.sub("", piece).strip()
    return bool(
        (YOU_DO.match(text) and WORK_CUES.search(text)) or DOES_YOU.search(text)
    )


def guess_part(piece: str) -> str:
    """The part of a sentence in an ad without headings, from its own words."""
    text = BULLET.sub("", piece).strip()
    if OFFER_CUES.search(text) and not WORK_CUES.search(text):
        return OFFER
    if APPLY_CUES.search(text) and not WORK_CUES.search(text):
        return APPLY
    if INTRO_CUES.search(text) and not re.search(YOU, text, re.I):
        return INTRO
    if WORK_CUES.search(text):
        return WORK
    if PROFILE_CUES.search(text):
        return PROFILE
    return OTHER
