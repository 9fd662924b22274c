"""WSGI entry point: ``gunicorn config.wsgi:application``."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

from config.startup import refuse_unsafe_production  # noqa: E402 - needs settings

refuse_unsafe_production()

# Everything loaded so far lives as long as the process: keep the garbage
# collector from walking it again on every full collection (a measurable part of
# each request's CPU in a process this size).
gc.collect()
gc.freeze()
