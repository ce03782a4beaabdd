"""`{% load indigo_permissions %}` … `{% if user|may:"units:view" %}`: menus and buttons
show only what the table of who may do what allows (`indigo.organisation.permissions`)."""

from django import template

from indigo.organisation import permissions

register = template.Library()


@register.filter
def may(user, action: str) -> bool:
    return permissions.may(user, action)
