"""Durations for people: django-axes hands its lockout page the cool-off as a timedelta."""

from django import template

register = template.Library()


@register.filter
def in_minutes(duration):
    """Whole minutes, rounded up, so a lockout page never promises less waiting than there is."""
    return -(-int(duration.total_seconds()) // 60)
