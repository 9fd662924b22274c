"""The classification parts of the wiki's pages, composed in the templates: the
roles app renders a role, and these tags add what the imports know about it."""

from __future__ import annotations

from django import template

from taxonomies.selectors import classification_panel, mapping_hints

register = template.Library()


@register.inclusion_tag("taxonomies/includes/codes.html", takes_context=True)
def classification_section(context, role_page) -> dict:
    """The role's codes and the "Vergleich mit der Klassifikation" panel, for
    the role page's data (``roles.selectors.RolePage``)."""
    return {
        "role": role_page.data,
        "role_page": role_page,
        "classification": classification_panel(role_page.data.classifications),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.inclusion_tag("taxonomies/includes/mapping_hints.html")
def classification_hints(role) -> dict:
    """Imported concepts that share the role's name and are not mapped yet."""
    if role is None or role.pk is None:
        return {"hints": []}
    mapped = role.classifications.values_list("scheme", "code")
    return {"hints": mapping_hints(role.title, role.aliases, mapped)}
