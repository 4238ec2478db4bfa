"""Reading PolNeAR attribution annotations (brat standoff) into gold attributions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: its Content, Cue and Source spans (each maybe discontinuous)."""

    content: Fragments
    cue: Fragments = ()
    source: Fragments = ()

    @property
    def length(self) -> int:
        return sum(end - start for start, end in self.content)


@dataclass
class GoldDocument:
    name: str
    annotator: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def parse_fragments(spec: str) -> Fragments:
    """``"12 17;20 25"`` -> ``((12, 17), (20, 25))``."""
    fragments = []
    for part in spec.split(";"):
        start, end = part.split()
        fragments.append((int(start), int(end)))
    return tuple(sorted(fragments))


def parse_ann(text: str) -> list[GoldAttribution]:
    """Attributions of one ``.ann`` file: each event line joins its Content, Cue and Source."""
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            label, _, spec = fields[1].partition(" ")
            try:
                spans[fields[0]] = parse_fragments(spec)
            except ValueError:
                continue
        elif fields[0].startswith("E"):
            roles = dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg)
            events.append(roles)
    attributions = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        attributions.append(
            GoldAttribution(
                content=content,
                cue=spans.get(roles.get("Cue", ""), ()),
                source=spans.get(roles.get("Source", ""), ()),
            )
        )
    return sorted(attributions, key=lambda a: (a.content, a.cue, a.source))


def read_split(folder: Path, limit: int | None = None) -> list[GoldDocument]:
    """The documents of a PolNeAR split (``text/`` and ``attributions/``), in name order.

    A document annotated by several annotators is read with the first annotator in sorted
    order, so the choice is deterministic.
    """
    documents = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        name = text_path.stem
        annotations = sorted((folder / "attributions").glob(f"{name}_*.ann"))
        if not annotations:
            continue
        ann = annotations[0]
        documents.append(
            GoldDocument(
                name=name,
                annotator=ann.stem[len(name) + 1 :],
                text=text_path.read_text(encoding="utf-8"),
                attributions=parse_ann(ann.read_text(encoding="utf-8")),
            )
        )
        if limit is not None and len(documents) >= limit:
            break
    return documents
