"""Inline SVG charts (indigo.charts): valid, accessible, safe to put in a page."""

from xml.etree import ElementTree as ET

from indigo.charts import bar_chart_svg

SVG = "{http://www.w3.org/2000/svg}"


def chart(**changes) -> str:
    arguments = {
        "title": "Open work by age",
        "labels": ["0 to 30 days", "31 to 60 days", "61 to 90 days", "over 90 days"],
        "values": [12, 5, 0, 3],
        "ylabel": "Open tasks",
    } | changes
    return bar_chart_svg(**arguments)


def test_a_chart_is_well_formed_svg_without_an_xml_declaration():
    svg = chart()

    assert svg.startswith("<svg")
    assert ET.fromstring(svg).tag == f"{SVG}svg"


def test_a_chart_is_an_image_labelled_with_its_title():
    root = ET.fromstring(chart())

    assert root.get("role") == "img"
    assert root.get("aria-label") == "Open work by age"
    assert root.find(f"{SVG}title").text == "Open work by age"


def test_a_chart_shows_every_label_and_value_as_text():
    texts = {t.text for t in ET.fromstring(chart()).iter(f"{SVG}text")}

    assert {"0 to 30 days", "over 90 days", "12", "0", "3", "Open tasks"} <= texts


def test_a_chart_scales_with_its_column_instead_of_a_fixed_size():
    root = ET.fromstring(chart())

    assert root.get("viewBox") and root.get("width") is None and root.get("height") is None


def test_a_chart_brings_no_stylesheet_that_would_apply_to_the_whole_page():
    assert ET.fromstring(chart()).find(f".//{SVG}style") is None


def test_two_charts_on_one_page_share_no_ids():
    ids = [
        element.get("id")
        for svg in (chart(emphasis={0}), chart(emphasis={0}))
        for element in ET.fromstring(svg).iter()
        if element.get("id")
    ]

    assert ids and len(ids) == len(set(ids))


def test_an_emphasised_bar_is_hatched_so_colour_is_not_the_only_signal():
    root = ET.fromstring(chart(emphasis={3}))

    assert root.find(f".//{SVG}pattern") is not None


def test_text_in_a_chart_is_escaped():
    svg = chart(title="<script>alert(1)</script>", labels=["<b>", "&", "x", "y"])

    assert "<script>" not in svg and "<b>" not in svg
    assert ET.fromstring(svg).get("aria-label") == "<script>alert(1)</script>"


def test_a_chart_of_only_zeros_is_drawn():
    root = ET.fromstring(chart(values=[0, 0, 0, 0]))

    assert [t.text for t in root.iter(f"{SVG}text")].count("0") == 4
