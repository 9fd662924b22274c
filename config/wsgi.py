"""WSGI entry point: ``gunicorn config.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

from config.startup import refuse_unsafe_production  # noqa: E402 - needs settings

refuse_unsafe_production()
