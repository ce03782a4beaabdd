"""How Indigo renders form fields: one template for every app.

Settings name this renderer (``FORM_RENDERER``), so ``{{ form.name.as_field_group }}``
renders ``indigo/templates/forms/field.html`` wherever it is used. It finds templates
through the ``TEMPLATES`` setting like any page; ``django.forms`` is an installed app so
that Django's own widget templates are found that way too.
"""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"
