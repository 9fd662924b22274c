"""What every answer shares: pages, attributions, the error object."""

from __future__ import annotations

from rest_framework import serializers as s


class AttributionSerializer(s.Serializer):
    source = s.CharField()
    name = s.CharField()
    version = s.CharField()
    text = s.CharField(help_text="The credit line the publisher requires, verbatim.")
    licence = s.CharField()
    licence_url = s.URLField()


class PageSerializer(s.Serializer):
    count = s.IntegerField()
    next = s.URLField(allow_null=True)
    previous = s.URLField(allow_null=True)


# --- roles -------------------------------------------------------------------------


class ErrorBodySerializer(s.Serializer):
    status = s.IntegerField(help_text="The HTTP status, again.")
    code = s.CharField(
        help_text="Stable, for programs: bad_parameters, invalid, check_refused, "
        "invalid_characters, invalid_encoding, too_large, not_found, "
        "method_not_allowed, not_acceptable, unsupported_media_type, parse_error, "
        "throttled, "
        "unavailable."
    )
    message = s.CharField(help_text="For people, in the language asked for.")
    details = s.DictField(
        child=s.ListField(child=s.CharField()),
        required=False,
        help_text="Per parameter or field: what is wrong with it.",
    )


class ErrorSerializer(s.Serializer):
    error = ErrorBodySerializer()


# --- proposals ----------------------------------------------------------------------
