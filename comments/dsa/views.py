"""Readers' side of the DSA cycle: sending a notice of illegal content, objecting to a decision."""

from django.http import Http404


def object_to_decision(request, token):
    raise Http404  # built next: the objection form behind the signed link
