"""The one form-field template (forms/field.html, through settings.FORM_RENDERER)."""

from django import forms


class ExampleForm(forms.Form):
    name = forms.CharField(label="Name", help_text="As in the passport")
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea)
    kind = forms.ChoiceField(
        label="Kind", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect, help_text="One"
    )
    agree = forms.BooleanField(label="I agree")


class MarkedForm(ExampleForm):
    mark_optional = True


def invalid(form_class=ExampleForm) -> forms.Form:
    form = form_class(data={})
    form.is_valid()
    return form


def test_a_field_links_its_hint_and_its_error_to_the_control():
    html = invalid()["name"].as_field_group()

    assert '<label class="utrecht-form-label" for="id_name">Name</label>' in html
    assert '<p class="utrecht-form-field-description" id="id_name_helptext">' in html
    assert '<div class="utrecht-form-field-error-message" id="id_name_error">' in html
    assert 'aria-invalid="true" aria-describedby="id_name_helptext id_name_error"' in html


def test_a_field_without_errors_is_not_marked_invalid():
    html = ExampleForm()["name"].as_field_group()

    assert "aria-invalid" not in html
    assert 'aria-describedby="id_name_helptext"' in html
    assert "utrecht-form-field--invalid" not in html


def test_radio_buttons_are_a_fieldset_whose_legend_is_the_question():
    html = invalid()["kind"].as_field_group()

    assert 'aria-describedby="id_kind_helptext id_kind_error"' in html
    assert html.count("aria-describedby") == 1  # on the fieldset, not on each button
    assert ">Kind</legend>" in html
    assert (
        '<input type="radio" name="kind" value="a" id="id_kind_0" required aria-invalid="true">'
        '<label class="utrecht-form-label utrecht-form-label--radio" for="id_kind_0">A</label>'
    ) in html


def test_a_checkbox_comes_before_its_label():
    html = invalid()["agree"].as_field_group()

    assert html.index('<input type="checkbox"') < html.index("<label")
    assert 'class="utrecht-form-label utrecht-form-label--checkbox" for="id_agree"' in html


def test_optional_fields_are_not_marked_unless_the_form_asks():
    assert "(optional)" not in ExampleForm()["notes"].as_field_group()


def test_a_form_that_asks_marks_its_optional_fields():
    html = MarkedForm()["notes"].as_field_group()

    assert 'Notes <span class="indigo-optional">(optional)</span></label>' in html
    assert "(optional)" not in MarkedForm()["name"].as_field_group()


def test_a_field_needed_depending_on_other_answers_is_not_marked_optional():
    form = MarkedForm()
    form.fields["notes"].sometimes_required = True

    assert "(optional)" not in form["notes"].as_field_group()


def test_a_hidden_field_is_only_its_input():
    form = forms.Form()
    form.fields["step"] = forms.CharField(widget=forms.HiddenInput, initial="time")

    assert form["step"].as_field_group().strip() == (
        '<input type="hidden" name="step" value="time" id="id_step">'
    )
