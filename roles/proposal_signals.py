"""A signal for every step of a proposal, so that notices (discussions app) can
follow proposals without the roles app knowing about them."""

from django.dispatch import Signal

proposal_step = Signal()
"""Sent with ``proposal`` and ``event`` after each recorded step."""
