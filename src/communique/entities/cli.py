"""``communique actors ...``: the curated actor table from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from communique.errors import InputError

actors_app = typer.Typer(
    help="The actor tables: look people up, import from Wikidata, convert the Phoenix dictionaries.",
    no_args_is_help=True,
)


@actors_app.command("import-wikidata")
def import_wikidata(
    dump: Annotated[
        Path,
        typer.Argument(
            help="Wikidata entity JSON (dump array, JSON lines or EntityData), .gz allowed."
        ),
    ],
    table: Annotated[
        Path | None,
        typer.Option("--table", help="The table to extend (default: the packaged table)."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the merged table here (default: --table).")
    ] = None,
) -> None:
    """Read people with positions held (P39, dated), citizenship (P27) and occupation (P106)."""
    from communique.entities import actors, wikidata

    if not dump.exists():
        raise InputError(f"{dump}: no such file")
    table = table or actors.default_table_path()
    existing = actors.read_table(table) if table.exists() else []
    try:
        imported = wikidata.import_dump(dump)
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise InputError(f"{dump}: cannot read the dump ({exc})") from exc
    target = out or table
    actors.write_table(target, wikidata.merge(existing, imported))
    typer.echo(
        f"{len(imported)} role(s) of {len({r.wikidata for r in imported})} people imported into {target}"
    )


@actors_app.command("lookup")
def lookup(
    name: Annotated[str, typer.Argument(help='A name as written in news, e.g. "Abe".')],
    date: Annotated[str | None, typer.Option(help="The date, YYYY-MM-DD.")] = None,
) -> None:
    """Who the table says NAME is on DATE."""
    from communique.dates import parse_iso_date
    from communique.entities import actors

    if date is not None:
        parse_iso_date(date)
    row = actors.lookup(name, date)
    typer.echo(json.dumps(row.to_row() if row else None, ensure_ascii=False))


# Options shaped like import-wikidata's: typer declares each command's options in full.
@actors_app.command("convert-phoenix")
def convert_phoenix(
    directory: Annotated[
        Path,
        typer.Argument(
            help="The PETRARCH-2 / Phoenix dictionaries, e.g. ../shared/data/events/petrarch."
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Where to write the files (default: the package's data)."),
    ] = None,
) -> None:
    """Generate agents.tsv, actors_phoenix.tsv and organisations_phoenix.tsv (MIT notice kept)."""
    from communique.entities import phoenix
    from communique.entities.lexicon import DATA

    missing = [
        name
        for name in (phoenix.AGENTS_FILE, *phoenix.ACTOR_FILES)
        if not (directory / name).exists()
    ]
    if missing:
        raise InputError(f"{directory}: missing {', '.join(missing)}")
    target = out or Path(str(DATA))
    target.mkdir(parents=True, exist_ok=True)
    counts = phoenix.convert(directory, target)
    typer.echo(
        f"{counts['agents']} agent phrases, {counts['people']} people ({counts['roles']} dated "
        f"roles), {counts['groups']} groups written to {target}"
    )
