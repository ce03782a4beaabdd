"""Small server-side charts as inline SVG, drawn with matplotlib.

A chart is always a decorative duplicate of a table that shows the same numbers on
the page: people who cannot see it, or want exact figures, read the table. The SVG
still carries role="img", an aria-label and a <title>, so it is announced sensibly.

No pyplot: each chart draws on its own `matplotlib.figure.Figure` (Agg backend), so no
figure state is shared between requests or threads. The only process-wide settings are
fixed once at import: text stays text (`svg.fonttype`), so it is small, selectable and
set in the page's font, and generated ids are deterministic.

Bars are drawn straight onto the figure rather than into an Axes: an Axes with its tick
machinery costs ~20 ms to build, the bare figure under 10 ms, and a bar chart whose
values are written on the bars needs no axis.
"""

import io
import math
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Collection, Sequence

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.fonttype"] = "none"
matplotlib.rcParams["svg.hashsalt"] = "indigo"

from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# Contrast against the white background: BAR 10.5:1, EMPHASIS 9.3:1, TEXT 17:1, and
# the baseline 3.5:1 (a non-text graphic needs 3:1, WCAG 1.4.11).
BAR = "#154273"
EMPHASIS = "#8b1a10"
TEXT = "#1a1a1a"
BASELINE = "#767676"
FONT_SIZE = 13  # in a 5.6 in wide chart: ~13 px on a 560 px wide column
FONT_FAMILY = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif"

# Layout in figure fractions.
_LEFT, _RIGHT, _BOTTOM, _TOP = 0.02, 0.98, 0.17, 0.84


def bar_chart_svg(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    ylabel: str = "",
    emphasis: Collection[int] = (),
    width: float = 5.6,
    height: float = 3.0,
) -> str:
    """A bar chart as an inline <svg> string.

    Each bar carries its value above it and its label below it. Bars whose index is in
    `emphasis` (e.g. "deadline passed") are dark red and hatched, so colour is not the
    only signal. `ylabel` names the unit of the values, top left.
    """
    if len(labels) != len(values):
        raise ValueError("labels and values must have the same length")
    figure = Figure(figsize=(width, height))
    FigureCanvasSVG(figure)
    top = max([*values, 0]) or 1
    slot = (_RIGHT - _LEFT) / max(len(values), 1)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        centre = _LEFT + slot * (i + 0.5)
        bar_height = (_TOP - _BOTTOM) * value / top
        emphasised = i in emphasis
        figure.patches.append(
            Rectangle(
                (centre - slot * 0.32, _BOTTOM),
                slot * 0.64,
                bar_height,
                transform=figure.transFigure,
                figure=figure,
                facecolor=EMPHASIS if emphasised else BAR,
                edgecolor="white" if emphasised else "none",
                hatch="///" if emphasised else None,
                linewidth=0,
            )
        )
        figure.text(
            centre,
            _BOTTOM + bar_height + 0.015,
            _number(value),
            ha="center",
            va="bottom",
            fontsize=FONT_SIZE,
            color=TEXT,
            fontweight="bold",
        )
        figure.text(
            centre,
            _BOTTOM - 0.03,
            str(label),
            ha="center",
            va="top",
            fontsize=FONT_SIZE,
            color=TEXT,
        )
    figure.lines.append(
        Line2D(
            [_LEFT, _RIGHT],
            [_BOTTOM, _BOTTOM],
            transform=figure.transFigure,
            figure=figure,
            color=BASELINE,
            linewidth=1,
        )
    )
    if ylabel:
        figure.text(_LEFT, 0.97, ylabel, ha="left", va="top", fontsize=FONT_SIZE, color=TEXT)
    return _inline_svg(figure, title=title)


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _inline_svg(figure: Figure, *, title: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    root = ET.fromstring(buffer.getvalue())
    _strip_for_inlining(root)
    root.set("role", "img")
    root.set("aria-label", title)
    root.set("class", "indigo-chart")
    root.set("focusable", "false")
    root.set("style", f"max-inline-size:100%;block-size:auto;font-family:{FONT_FAMILY}")
    heading = ET.Element(f"{{{SVG_NS}}}title")
    heading.text = title
    root.insert(0, heading)
    # ElementTree's prefix registry is process-wide and WeasyPrint (decision letters)
    # re-registers "" when imported: claim the default namespace again before writing.
    ET.register_namespace("", SVG_NS)
    return ET.tostring(root, encoding="unicode")


_URL_REF = re.compile(r"url\(#([^)]+)\)")


def _strip_for_inlining(root: ET.Element) -> None:
    """Remove what would leak into the page or collide with another chart on it.

    The fixed size gives way to the viewBox (the chart scales with its column);
    matplotlib's <style> would apply to the whole HTML document; its ids ("figure_1",
    hashed clip paths) repeat in every chart, and a page holds several. The hatch
    pattern is the only referenced id; it gets a prefix unique to this chart.
    """
    prefix = f"indigo-chart-{uuid.uuid4().hex[:8]}-"
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    referenced = set()
    for element in root.iter():
        for value in element.attrib.values():
            referenced.update(_URL_REF.findall(value))
            if value.startswith("#"):
                referenced.add(value[1:])
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in (f"{{{SVG_NS}}}metadata", f"{{{SVG_NS}}}style"):
                parent.remove(child)
    for element in root.iter():
        if element.get("id") and element.get("id") not in referenced:
            del element.attrib["id"]
        if element.tag == f"{{{SVG_NS}}}text":
            # svg.fonttype=none names matplotlib's font; inherit the page's instead.
            style = re.sub(r"font-family:[^;]*;?\s*", "", element.get("style", ""))
            element.set("style", style.strip())
    for element in root.iter():
        for name, value in list(element.attrib.items()):
            if "url(#" in value:
                element.set(name, _URL_REF.sub(rf"url(#{prefix}\1)", value))
            elif value.startswith("#") and name.endswith("href"):
                element.set(name, f"#{prefix}{value[1:]}")
        if element.get("id"):
            element.set("id", prefix + element.get("id"))


# Series colours for line and stacked charts, each at least 4.5:1 on white, told apart
# by marker and hatch too (colour is never the only signal, WCAG 1.4.1).
SERIES = ("#154273", "#8b1a10", "#275937", "#5c3200", "#4b2a70", "#1a1a1a")
MARKERS = ("o", "s", "^", "D", "v", "x")
HATCHES = ("", "///", "\\\\\\", "---", "|||", "xxx")


def line_chart_svg(
    *,
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    ylabel: str = "",
    width: float = 5.6,
    height: float = 3.0,
) -> str:
    """Trend lines over the labels (weeks, months); None is a gap in a line.

    Drawn straight onto the figure like the bar chart (no Axes: ~10x cheaper), with the
    highest value written at the top left as the scale and a legend line above.
    """
    for _name, values in series:
        if len(values) != len(labels):
            raise ValueError("every series needs one value per label")
    figure = Figure(figsize=(width, height))
    FigureCanvasSVG(figure)
    left, right, bottom, top = 0.06, 0.95, 0.17, 0.74
    peak = max([v for _n, vs in series for v in vs if v is not None] + [0]) or 1
    step = (right - left) / max(len(labels) - 1, 1)

    def x(i):
        return left + step * i if len(labels) > 1 else (left + right) / 2

    for i, (name, values) in enumerate(series):
        colour, marker = SERIES[i % len(SERIES)], MARKERS[i % len(MARKERS)]
        segment: list[tuple[float, float]] = []
        for j, value in enumerate([*values, None]):
            if value is not None:
                segment.append((x(j), bottom + (top - bottom) * value / peak))
                continue
            if segment:
                xs, ys = zip(*segment, strict=True)
                figure.lines.append(
                    Line2D(
                        xs,
                        ys,
                        transform=figure.transFigure,
                        figure=figure,
                        color=colour,
                        marker=marker,
                        markersize=4,
                        linewidth=1.6,
                    )
                )
            segment = []
        figure.lines.append(
            Line2D(
                [0.04 + 0.31 * (i % 3), 0.08 + 0.31 * (i % 3)],
                [0.93 - 0.06 * (i // 3)] * 2,
                transform=figure.transFigure,
                figure=figure,
                color=colour,
                marker=marker,
                markersize=4,
                linewidth=1.6,
            )
        )
        figure.text(
            0.09 + 0.31 * (i % 3),
            0.93 - 0.06 * (i // 3),
            str(name),
            va="center",
            fontsize=FONT_SIZE - 3,
            color=TEXT,
        )
    _frame(figure, labels, x, left, right, bottom, top, peak, ylabel)
    return _inline_svg(figure, title=title)


def stacked_bar_chart_svg(
    *,
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    ylabel: str = "",
    width: float = 5.6,
    height: float = 3.2,
) -> str:
    """Bars of several parts stacked (e.g. the stock by age per product), told apart by
    colour and hatch, with a legend above."""
    for _name, values in series:
        if len(values) != len(labels):
            raise ValueError("every series needs one value per label")
    figure = Figure(figsize=(width, height))
    FigureCanvasSVG(figure)
    left, right, bottom, top = 0.04, 0.98, 0.17, 0.74
    totals = [sum(vs[j] for _n, vs in series) for j in range(len(labels))]
    peak = max([*totals, 0]) or 1
    slot = (right - left) / max(len(labels), 1)

    def x(j):
        return left + slot * (j + 0.5)

    base = [0.0] * len(labels)
    for i, (name, values) in enumerate(series):
        colour, hatch = SERIES[i % len(SERIES)], HATCHES[i % len(HATCHES)] or None
        for j, value in enumerate(values):
            if value:
                figure.patches.append(
                    Rectangle(
                        (x(j) - slot * 0.32, bottom + (top - bottom) * base[j] / peak),
                        slot * 0.64,
                        (top - bottom) * value / peak,
                        transform=figure.transFigure,
                        figure=figure,
                        facecolor=colour,
                        hatch=hatch,
                        edgecolor="white",
                        linewidth=0.5,
                    )
                )
            base[j] += value
        figure.patches.append(
            Rectangle(
                (0.04 + 0.24 * (i % 4), 0.91 - 0.06 * (i // 4)),
                0.03,
                0.04,
                transform=figure.transFigure,
                figure=figure,
                facecolor=colour,
                hatch=hatch,
                edgecolor="white",
                linewidth=0.5,
            )
        )
        figure.text(
            0.08 + 0.24 * (i % 4),
            0.93 - 0.06 * (i // 4),
            str(name),
            va="center",
            fontsize=FONT_SIZE - 4,
            color=TEXT,
        )
    _frame(figure, labels, x, left, right, bottom, top, peak, ylabel)
    return _inline_svg(figure, title=title)


def _frame(figure, labels, x, left, right, bottom, top, peak, ylabel) -> None:
    """Baseline, at most ~8 labels under it, and the scale (the top value) on the left."""
    figure.lines.append(
        Line2D(
            [left, right],
            [bottom, bottom],
            transform=figure.transFigure,
            figure=figure,
            color=BASELINE,
            linewidth=1,
        )
    )
    figure.lines.append(
        Line2D(
            [left, right],
            [top, top],
            transform=figure.transFigure,
            figure=figure,
            color=BASELINE,
            linewidth=0.5,
            linestyle=":",
        )
    )
    every = max(1, math.ceil(len(labels) / 8))
    for j in range(0, len(labels), every):
        figure.text(
            x(j),
            bottom - 0.03,
            str(labels[j]),
            ha="center",
            va="top",
            fontsize=FONT_SIZE - 3,
            color=TEXT,
        )
    figure.text(
        left,
        top + 0.015,
        f"{_number(round(peak, 1))} {ylabel}".strip(),
        ha="left",
        va="bottom",
        fontsize=FONT_SIZE - 3,
        color=TEXT,
    )
