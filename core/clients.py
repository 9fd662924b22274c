"""Who the client is: one answer for everything that counts per client.

The login lockout (django-axes), the export limit, the API limits: each asks
``client_ip``. Without a proxy the client is the peer of the connection
(``REMOTE_ADDR``) and ``X-Forwarded-For`` is ignored, since anyone can send it.
Behind ``TRUSTED_PROXY_COUNT`` proxies that each append the address they saw
(nginx: ``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for``), the
right-most entries of that header were written by those proxies and the one
they received the request from is the N-th from the right. Everything further
left came from the client and is never read.

Imports no app, so every app (and the settings) can use it.
"""

from __future__ import annotations

import ipaddress
import logging

from django.conf import settings
from django.http import HttpRequest

logger = logging.getLogger("berufsbild.clients")

UNKNOWN = "unknown"
"""The counting key for a request whose address cannot be read."""


def client_ip(request: HttpRequest) -> str | None:
    """The client's address in canonical form, or None if there is none to read
    (django-axes stores it in an address column: never anything else)."""
    peer = canonical_address(request.META.get("REMOTE_ADDR", ""))
    trusted = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if trusted <= 0 or not forwarded.strip():
        return peer
    entries = forwarded.split(",")
    # Fewer entries than proxies: the request passed fewer of them (or one of them
    # did not append). The left-most entry is still one a trusted proxy wrote, so
    # it is the closest the chain knows to the client and no one could choose it.
    chosen = entries[-trusted] if len(entries) >= trusted else entries[0]
    address = canonical_address(chosen)
    if address is None:
        # A trusted proxy wrote something that is no address: misconfigured.
        # The peer (the nearest proxy) is wrong for everybody alike, but it is
        # an identity no client can pick.
        logger.warning("X-Forwarded-For entry %r is no address", chosen[:60])
        return peer
    return address


def client_key(request: HttpRequest) -> str:
    """``client_ip`` for counting: every request without an address shares one."""
    return client_ip(request) or UNKNOWN


def canonical_address(text: str) -> str | None:
    """``text`` as one spelling per address, or None if it is none.

    Accepts what proxies write: ``1.2.3.4``, ``2001:db8::1``, and with a port
    ``1.2.3.4:80`` or ``[2001:db8::1]:80``. IPv4 inside IPv6 (``::ffff:1.2.3.4``)
    becomes the IPv4 address, a zone (``%eth0``) is dropped, IPv6 is lower case
    and shortened: so one client never counts under two spellings.
    """
    text = text.strip()
    if text.startswith("["):  # [IPv6]:port
        text, bracket, port = text[1:].partition("]")
        if not bracket or not _is_port(port):
            return None
    elif text.count(":") == 1:  # IPv4:port
        text, _, port = text.partition(":")
        if not _is_port(f":{port}"):
            return None
    try:
        address = ipaddress.ip_address(text.partition("%")[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)


def _is_port(text: str) -> bool:
    """Nothing, or a colon and digits (what follows an address with a port)."""
    return text == "" or (text[:1] == ":" and text[1:].isascii() and text[1:].isdigit())
