"""The draft as it goes online: schema.org JobPosting data (JSON-LD) for job search
engines, and a career page that carries it.

Google's job search asks for title, description, datePosted, hiringOrganization
and jobLocation, and recommends validThrough, employmentType and baseSalary; the
posting has all of them once company, place, hours and pay are filled in
(``missing_for_search`` names what is still missing). Everything people typed is
escaped: in the HTML by the template, inside the ``<script>`` block by
``script_safe_json`` ("</script>" cannot end it).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from hiring.builder import AD_LANGUAGE, DraftAd, money

VALID_DAYS = 60
UNITS = {"month": "MONTH", "year": "YEAR", "hour": "HOUR"}
CODE_SETS = {"isco": "ISCO-08", "kldb": "KldB 2010"}


def description_html(draft: DraftAd) -> str:
    """The ad's text as simple HTML (the description Google shows)."""
    document = draft.as_document()
    parts = [f"<p>{escape(line)}</p>" for line in document.intro]
    for heading, items in document.sections:
        parts.append(f"<h2>{escape(heading)}</h2>")
        parts.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
    parts += [f"<p>{escape(line)}</p>" for line in document.closing]
    return "".join(parts)


def job_posting(
    draft: DraftAd, *, today: date, classifications: list[tuple[str, str]] = ()
) -> dict:
    """A schema.org JobPosting of the draft; ``classifications`` are the role's
    (scheme, code) pairs, of which ISCO and KldB become occupationalCategory."""
    posting = draft.posting
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": draft.title,
        "description": description_html(draft),
        "datePosted": today.isoformat(),
        "validThrough": (today + timedelta(days=VALID_DAYS)).isoformat(),
        "inLanguage": AD_LANGUAGE,
    }
    if posting.company:
        data["hiringOrganization"] = {"@type": "Organization", "name": posting.company}
    if posting.place:
        data["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": posting.place,
                "addressCountry": "DE",
            },
        }
    if posting.hours is not None:
        data["employmentType"] = "FULL_TIME" if posting.full_time else "PART_TIME"
        data["workHours"] = f"{money(posting.hours)} h/Woche"
    if posting.start:
        data["jobStartDate"] = posting.start.isoformat()
    else:
        data["jobImmediateStart"] = True
    if posting.has_pay:
        data["baseSalary"] = _salary(posting)
    codes = [
        {"@type": "CategoryCode", "codeValue": code, "inCodeSet": CODE_SETS[scheme]}
        for scheme, code in classifications
        if scheme in CODE_SETS
    ]
    if codes:
        data["occupationalCategory"] = codes if len(codes) > 1 else codes[0]
    return data


def _salary(posting) -> dict:
    value = {
        "@type": "QuantitativeValue",
        "minValue": _number(posting.pay_min),
        "unitText": UNITS[posting.pay_period],
    }
    if posting.pay_max is not None:
        value["maxValue"] = _number(posting.pay_max)
    return {"@type": "MonetaryAmount", "currency": "EUR", "value": value}


def _number(amount):
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def missing_for_search(draft: DraftAd) -> list[str]:
    """What a job search engine needs that the posting does not say yet."""
    posting = draft.posting
    wanted = [
        (posting.company, _("Unternehmen")),
        (posting.place, _("Ort")),
        (posting.has_pay, _("Gehalt")),
        (posting.hours is not None, _("Wochenstunden")),
    ]
    return [label for present, label in wanted if not present]


def script_safe_json(data: dict) -> str:
    """JSON that can stand inside a <script> element: no "<", ">" or "&"."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def career_page(draft: DraftAd, posting_data: dict) -> str:
    """A complete HTML page for the company's career site, with the JSON-LD."""
    with translation.override(AD_LANGUAGE):
        return render_to_string(
            "hiring/career_page.html",
            {
                "draft": draft,
                "document": draft.as_document(),
                "jsonld": script_safe_json(posting_data),
            },
        )
