"""Django's bare template page: the reference the benchmark's floor is held to.

A one-file Django project with Django's default middleware and nothing else,
rendering a template about the size of Berufsbild's about page. Served by the
benchmark with ``gunicorn benchmarks.bare.site:application``.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.template import engines
from django.urls import path

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bare-benchmark-site-only",
        ALLOWED_HOSTS=["127.0.0.1"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sessions",
            "django.contrib.messages",
        ],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
        DATABASES={},
        USE_I18N=True,
    )

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>{{ title }}</title></head><body><header><nav><ul>
{% for link in links %}<li><a href="{{ link.0 }}">{{ link.1 }}</a></li>{% endfor %}
</ul></nav></header><main><h1>{{ title }}</h1>
{% for paragraph in paragraphs %}<p>{{ paragraph }}</p>{% endfor %}
</main><footer><p>{{ footer }}</p></footer></body></html>"""
LINKS = [(f"/seite-{n}/", f"Seite {n}") for n in range(8)]
PARAGRAPHS = ["Ein Absatz über das Projekt, seine Quellen und seine Pflege. " * 4] * 8


def page(request):
    template = engines["django"].from_string(PAGE)
    context = {
        "title": "Über",
        "links": LINKS,
        "paragraphs": PARAGRAPHS,
        "footer": "Fußzeile",
    }
    return HttpResponse(template.render(context, request))


urlpatterns = [path("about/", page)]

from django.core.wsgi import get_wsgi_application  # noqa: E402 - after configure

application = get_wsgi_application()
