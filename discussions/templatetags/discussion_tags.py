from django import template

from discussions.forms import CommentForm

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.simple_tag
def reply_form(forms_by_thread, thread_id):
    """The thread's reply form as sent back with an error, or an empty one."""
    return forms_by_thread.get(thread_id) or CommentForm(reply=True)
