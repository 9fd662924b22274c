"""Turn an edit page's forms into POST data, as a browser would submit them."""

from __future__ import annotations


def _add(data: dict, field, name: str) -> None:
    value = field.value()
    widget_type = getattr(field.field.widget, "input_type", "")
    if widget_type == "checkbox" and not isinstance(value, list | tuple):
        if value:
            data[name] = "on"
        return
    if value is None:
        data[name] = ""
    elif isinstance(value, list | tuple):
        data[name] = [str(v) for v in value]
    else:
        data[name] = str(value)


def edit_data(response) -> dict:
    """All fields of the role form and its formsets, with their current values."""
    editor = response.context["editor"]
    data: dict = {}
    for field in editor.form:
        _add(data, field, field.html_name)
    for formset in editor.formsets.values():
        for field in formset.management_form:
            _add(data, field, field.html_name)
        for form in formset:
            for field in form:
                _add(data, field, field.html_name)
    return data


def rows(data: dict, prefix: str) -> list[int]:
    """Indices of the filled rows of a formset in the data."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    key = {"tasks": "task", "competencies": "competency", "relations": "to_role"}[
        prefix
    ]
    return [i for i in range(total) if data.get(f"{prefix}-{i}-{key}")]
